// The redaction rule, both ways: a string equal to a credential is blanked, and so is a credential of
// 16 or more characters wherever it occurs; a shorter credential ('DMS', 't': test tokens) is not
// searched for inside other strings, so the codes, messages and request IDs a caller matches on stay
// as the server sent them. Over real HTTP, from a node:http server on 127.0.0.1 that echoes the token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResetOffsetClient, ResetOffsetError, toEarliest, tokenAuth } from '../../src/index.js';
import { INSTANCE_ID, PROJECT_ID, rejection } from '../support/index.js';
import { startHostileServer, type HostileServer } from './hostile-server.js';

// A realistic IAM token is thousands of characters; this one is long enough to be searched for.
const REAL_TOKEN = `MIIZkAYJKoZIhvcNAQcCoIIZgTCCGX0CAQExDTALBglghkgBZQMEAgEwgXsGCSqGSIb3DQEHAaBu${'A'.repeat(2000)}==`;
const API_ERROR = {
  error_code: 'DMS.00404022',
  error_msg: 'This instance does not exist.',
  request_id: 'b5bd4f1d-DMS-t-req',
};

let server: HostileServer;
beforeAll(async () => {
  // 'api' answers the API's error body with the token in an extra field; 'echo-json' and 'echo-text'
  // quote the token inside sentences, in a key, in a header and as a whole value.
  server = await startHostileServer((res, group, req) => {
    const token = String(req.headers['x-auth-token']);
    if (group === 'api') {
      res.writeHead(404, { 'Content-Type': 'application/json', 'X-Request-Id': 'req-t-DMS' });
      res.end(JSON.stringify({ ...API_ERROR, seen: token }));
    } else if (group === 'echo-json') {
      res.writeHead(401, { 'Content-Type': 'application/json', 'X-Request-Id': `id-${token}-x` });
      res.end(
        JSON.stringify({
          error_code: 'APIGW.0301',
          error_msg: `Incorrect IAM authentication information: token ${token} was rejected`,
          [`key-${token}`]: [{ deep: [`whole: ${token}`, token] }],
        }),
      );
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<html><form><input type="hidden" value="${token}">Your session ${token} expired</form></html>`);
    }
  });
});
afterAll(() => server.close());

function callWith(token: string, group: string) {
  const client = createResetOffsetClient({ endpoint: server.url, projectId: PROJECT_ID, auth: tokenAuth(token) });
  return rejection(
    client.resetMessageOffset({ instanceId: INSTANCE_ID, group, body: toEarliest('orders') }),
  ) as Promise<ResetOffsetError>;
}

describe('short test tokens leave what the caller matches on intact', () => {
  it.each(['DMS', 't', 'This', '404', 'req'])('tokenAuth(%j)', async (token) => {
    const error = await callWith(token, 'api');
    expect(error).toMatchObject({
      errorCode: 'DMS.00404022',
      errorMsg: 'This instance does not exist.',
      requestId: 'b5bd4f1d-DMS-t-req',
      message: 'DMS.00404022 (404): This instance does not exist.',
    });
    // The field that is exactly the token is still blanked.
    expect(error.body).toEqual({ ...API_ERROR, seen: '[REDACTED]' });
  });

  it('the X-Request-Id header too', async () => {
    const error = await callWith('t', 'echo-json');
    expect(error.requestId).toBe('id-t-x');
    expect(error.errorMsg).toBe('Incorrect IAM authentication information: token t was rejected');
  });
});

describe('a realistic token is blanked everywhere it is echoed', () => {
  it('in JSON: inside sentences, keys and nested values, and the X-Request-Id header', async () => {
    const error = await callWith(REAL_TOKEN, 'echo-json');
    expect(error).toMatchObject({
      errorCode: 'APIGW.0301',
      errorMsg: 'Incorrect IAM authentication information: token [REDACTED] was rejected',
      requestId: 'id-[REDACTED]-x',
    });
    expect(error.body).toEqual({
      error_code: 'APIGW.0301',
      error_msg: 'Incorrect IAM authentication information: token [REDACTED] was rejected',
      'key-[REDACTED]': [{ deep: ['whole: [REDACTED]', '[REDACTED]'] }],
    });
    expect(JSON.stringify(error)).not.toContain(REAL_TOKEN.slice(0, 40));
  });

  it('in a 200 HTML page (a proxy login form): the message does not quote the body at all', async () => {
    const error = await callWith(REAL_TOKEN, 'echo-text');
    expect(error.message).toBe('HTTP 200 (expected 204)');
    expect(error.body).toBe(
      '<html><form><input type="hidden" value="[REDACTED]">Your session [REDACTED] expired</form></html>',
    );
  });
});

describe('redaction never overflows the stack', () => {
  it('a body nested 20 000 levels deep, with the token at the bottom, is blanked', () => {
    let body: unknown = [REAL_TOKEN];
    for (let i = 0; i < 20_000; i++) body = { a: [body] };
    const error = new ResetOffsetError(new Response(null, { status: 500 }), body, { secrets: [REAL_TOKEN] });
    let bottom: unknown = error.body;
    for (let i = 0; i < 20_000; i++) bottom = (bottom as { a: unknown[] }).a[0];
    expect(bottom).toEqual(['[REDACTED]']);
  });

  it("a '__proto__' key stays an own property, as JSON.parse made it", () => {
    const body = JSON.parse(`{"__proto__": {"polluted": "${REAL_TOKEN}"}}`) as unknown;
    const error = new ResetOffsetError(new Response(null, { status: 500 }), body, { secrets: [REAL_TOKEN] });
    expect(Object.getOwnPropertyNames(error.body)).toEqual(['__proto__']);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(JSON.stringify(error.body)).toBe('{"__proto__":{"polluted":"[REDACTED]"}}');
  });
});
