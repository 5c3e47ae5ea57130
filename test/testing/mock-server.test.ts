import { Agent, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startMockServer, type RecordedRequest } from '../../src/testing/index.js';
import { validateErrorBody } from '../../src/validate.js';
import { GROUP, INSTANCE_ID, PROJECT_ID, operationUrl, postJson, postRaw, useMockServer } from '../support/index.js';
import { schemaExample } from '../support/spec.js';

const VALID = { topic: 'orders', partition: 0, message_offset: 10 };

describe('startMockServer', () => {
  const mock = useMockServer({ clearEachTest: true });

  it('listens on a free loopback port by default', () => {
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
    expect(mock.port).toBeGreaterThan(0);
  });

  it('answers a valid request 204 and records it, path parameters decoded and credentials redacted', async () => {
    const group = 'team/a b%';
    const answer = await postJson(operationUrl(mock.url, { group }), VALID, {
      'x-auth-token': 'secret-token-value',
      'x-security-token': 'secret-session',
      'x-request-tag': 'kept',
    });
    expect(answer.status).toBe(204);
    const [recorded, ...rest] = mock.requests();
    expect(rest).toEqual([]);
    expect(recorded).toMatchObject({
      method: 'POST',
      path: `/v2/${PROJECT_ID}/instances/${INSTANCE_ID}/management/groups/team%2Fa%20b%25/reset-message-offset`,
      pathParams: { project_id: PROJECT_ID, instance_id: INSTANCE_ID, group },
      body: VALID,
      rawBody: JSON.stringify(VALID),
      contract: { valid: true },
      response: { status: 204 },
    });
    expect(recorded?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-auth-token': '[REDACTED]',
      'x-security-token': '[REDACTED]',
      'x-request-tag': 'kept',
    });
    expect(JSON.stringify(recorded)).not.toMatch(/secret/);
  });

  it('keeps only the scheme of an Authorization header', async () => {
    const authorization = 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=content-type;host, Signature=5ec2e7f00d';
    const answer = await postJson(operationUrl(mock.url), VALID, { authorization, 'x-auth-token': '' });
    expect(answer.status).toBe(204);
    expect(mock.requests()[0]?.headers['authorization']).toBe('SDK-HMAC-SHA256 [REDACTED]');
    expect(JSON.stringify(mock.requests())).not.toContain('5ec2e7f00d');
  });

  it("answers an invalid body with the spec's 400 and records the violations", async () => {
    const answer = await postJson(operationUrl(mock.url), { topic: '', message_offset: 1, timestamp: 2 });
    expect(answer.status).toBe(400);
    expect(validateErrorBody(answer.json)).toEqual({ valid: true });
    expect(mock.requests()[0]?.contract).toEqual({
      valid: false,
      errors: [
        { path: '/body', message: 'must have exactly one of message_offset and timestamp, not both' },
        { path: '/body/topic', message: 'must NOT have fewer than 1 characters' },
      ],
    });
    expect(mock.requests()[0]?.response).toEqual({ status: 400 });
  });

  it('records a request without credentials as a violation; Prism answers 401', async () => {
    const answer = await postJson(operationUrl(mock.url), VALID, { 'x-auth-token': '' });
    expect(answer.status).toBe(401);
    expect(mock.requests()[0]?.contract).toEqual({
      valid: false,
      errors: [{ path: '/headers', message: 'must carry X-Auth-Token (IAM token) or Authorization (AK/SK signature)' }],
    });
  });

  it('records a body that is not JSON, and a wrong content type', async () => {
    const answer = await postRaw(operationUrl(mock.url), '{"topic":', { 'content-type': 'text/plain' });
    expect(answer.status).toBe(415);
    const [recorded] = mock.requests();
    expect(recorded?.body).toBeUndefined();
    expect(recorded?.rawBody).toBe('{"topic":');
    expect(recorded?.contract).toEqual({
      valid: false,
      errors: [
        { path: '/headers/content-type', message: 'must be application/json' },
        { path: '/body', message: 'must be JSON' },
      ],
    });
  });

  it('records a missing body', async () => {
    const answer = await postRaw(operationUrl(mock.url), undefined);
    expect(answer.status).toBe(400);
    expect(mock.requests()[0]?.contract).toEqual({ valid: false, errors: [{ path: '/body', message: 'is required' }] });
  });

  it('records malformed path parameters with the rule they broke', async () => {
    const answer = await postJson(operationUrl(mock.url, { project_id: 'ABC', instance_id: 'not-a-uuid' }), VALID);
    expect(answer.status).toBe(400);
    expect(mock.requests()[0]?.contract).toEqual({
      valid: false,
      errors: [
        { path: '/path/project_id', message: 'must be 32 lowercase hex digits' },
        { path: '/path/instance_id', message: 'must be a UUID (8-4-4-4-12 hex digits)' },
      ],
    });
  });

  it('records requests for other paths and methods without path parameters', async () => {
    const other = await fetch(`${mock.url}/v2/${PROJECT_ID}/instances`, { headers: { 'x-auth-token': 't' } });
    expect(other.status).toBe(404);
    await other.arrayBuffer();
    const get = await fetch(operationUrl(mock.url), { headers: { 'x-auth-token': 't' } });
    expect(get.status).toBe(405);
    await get.arrayBuffer();
    const recorded = mock.requests();
    expect(recorded.map((r) => [r.method, r.pathParams, r.contract.valid, r.response.status])).toEqual([
      ['GET', null, false, 404],
      ['GET', null, false, 405],
    ]);
    expect(recorded[0]?.contract).toEqual({
      valid: false,
      errors: [
        {
          path: '',
          message: `is not POST ${'/v2/{project_id}/instances/{instance_id}/management/groups/{group}/reset-message-offset'}, the contract's operation`,
        },
      ],
    });
  });

  it('answers a path with malformed percent-encoding itself (Prism would crash the process) and keeps serving', async () => {
    const url = operationUrl(mock.url).replace('/groups/orders-consumer/', '/groups/%E0%A4%A/');
    const answer = await postJson(url, VALID);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.json).toMatchObject({ title: 'Malformed percent-encoding in the request path', status: 400 });
    expect(mock.requests()[0]).toMatchObject({
      pathParams: null,
      contract: { valid: false, errors: [{ path: '', message: 'has a path with malformed percent-encoding' }] },
      response: { status: 400 },
    });
    expect((await postJson(operationUrl(mock.url), VALID)).status).toBe(204);
  });

  it('passes Prefer through to Prism', async () => {
    const answer = await postJson(operationUrl(mock.url), VALID, { prefer: 'code=404' });
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ error_code: 'DMS.00404022', error_msg: 'This instance does not exist.' });
    expect(mock.requests()[0]?.response.status).toBe(404);
    expect(mock.requests()[0]?.contract.valid).toBe(true);
  });

  it('keeps arrival order, returns copies, and forgets on clearRequests()', async () => {
    for (const topic of ['a', 'b', 'c']) await postJson(operationUrl(mock.url), { topic, timestamp: 1 });
    const first = mock.requests();
    expect(first.map((r) => (r.body as { topic: string }).topic)).toEqual(['a', 'b', 'c']);
    (first[0]!.body as { topic: string }).topic = 'changed';
    first.length = 0;
    expect(mock.requests().map((r) => (r.body as { topic: string }).topic)).toEqual(['a', 'b', 'c']);
    mock.clearRequests();
    expect(mock.requests()).toEqual([]);
  });

  it('records every one of many concurrent requests', async () => {
    const topics = Array.from({ length: 25 }, (_, i) => `t${i}`);
    const answers = await Promise.all(
      topics.map((topic) => postJson(operationUrl(mock.url), { topic, message_offset: 1 })),
    );
    expect(answers.map((a) => a.status)).toEqual(topics.map(() => 204));
    expect(
      mock
        .requests()
        .map((r) => (r.body as { topic: string }).topic)
        .sort(),
    ).toEqual([...topics].sort());
  });
});

describe('several mocks, options and close()', () => {
  it('runs several mocks at once, each recording only its own requests', async () => {
    const [a, b] = await Promise.all([startMockServer(), startMockServer({ port: 0 })]);
    try {
      expect(a.port).not.toBe(b.port);
      await postJson(operationUrl(a.url), { topic: 'to-a', message_offset: 1 });
      await postJson(operationUrl(b.url), { topic: 'to-b', message_offset: 1 });
      expect(a.requests().map((r) => r.body)).toEqual([{ topic: 'to-a', message_offset: 1 }]);
      expect(b.requests().map((r) => r.body)).toEqual([{ topic: 'to-b', message_offset: 1 }]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('close() closes keep-alive connections and stops listening, and can be called twice', async () => {
    const mock = await startMockServer();
    const agent = new Agent({ keepAlive: true });
    const socketClosed = new Promise<void>((resolve, reject) => {
      const req = request(
        operationUrl(mock.url),
        { method: 'POST', agent, headers: { 'content-type': 'application/json', 'x-auth-token': 't' } },
        (res) => {
          res.resume();
          res.on('end', () => {
            expect(res.statusCode).toBe(204);
            // The socket goes back to the pool, idle and open, until the server closes it.
            req.socket?.once('close', () => resolve());
            void mock.close();
          });
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(VALID));
    });
    await socketClosed;
    await mock.close();
    await expect(fetch(operationUrl(mock.url), { method: 'POST' })).rejects.toThrow();
    agent.destroy();
  });

  it('refuses a bad port or host before starting anything', async () => {
    await expect(startMockServer({ port: -1 })).rejects.toThrow(RangeError);
    await expect(startMockServer({ port: 1.5 })).rejects.toThrow('port must be an integer from 0 to 65535');
    await expect(startMockServer({ port: 65536 })).rejects.toThrow(RangeError);
    await expect(startMockServer({ host: '' })).rejects.toThrow(TypeError);
  });

  it('reports a port in use', async () => {
    const first = await startMockServer();
    try {
      await expect(startMockServer({ port: first.port })).rejects.toThrow(
        `EADDRINUSE: address already in use 127.0.0.1:${first.port}`,
      );
    } finally {
      await first.close();
    }
  });

  it('calls onRequest with each recorded request, after answering it', async () => {
    const seen: RecordedRequest[] = [];
    const mock = await startMockServer({ onRequest: (r) => seen.push(r) });
    try {
      await postJson(operationUrl(mock.url), VALID);
      await postJson(operationUrl(mock.url), { topic: 'orders' });
      await new Promise((resolve) => setImmediate(resolve));
      expect(seen.map((r) => [r.response.status, r.contract.valid])).toEqual([
        [204, true],
        [400, false],
      ]);
      expect(seen).toEqual(mock.requests());
    } finally {
      await mock.close();
    }
  });

  it('listens where it is told', async () => {
    const mock = await startMockServer({ host: 'localhost' });
    try {
      expect(mock.url).toBe(`http://localhost:${mock.port}`);
      expect((await postJson(operationUrl(mock.url), VALID)).status).toBe(204);
    } finally {
      await mock.close();
    }
  });
});

it("the group used by these tests is the spec's example", () => {
  expect(GROUP).toBe('orders-consumer');
  expect(GROUP).toBe(schemaExample('Group'));
});
