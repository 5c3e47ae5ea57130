// The client against the mock: 204 resolves; each documented error status, and each of its named
// examples (selected with Prefer), rejects with a ResetOffsetError carrying that example's fields.
import { describe, expect, it } from 'vitest';
import { akskAuth, ResetOffsetError, toOffset, type ResetOffsetClient } from '../../src/index.js';
import {
  ACCESS_KEY,
  GROUP,
  INSTANCE_ID,
  PROJECT_ID,
  rejection,
  SECRET_KEY,
  testClient,
  useMockServer,
} from '../support/index.js';
import { operation, requestExamples, responseExamples } from '../support/spec.js';

const errorStatuses = responseExamples.filter((r) => r.status !== '204');
const errorExamples = errorStatuses.flatMap(({ status, examples }) =>
  examples.map((example) => ({ status: Number(status), ...example })),
);

describe('client against the mock', () => {
  const mock = useMockServer();

  /** A client whose requests carry `prefer` (Prism's way of choosing a documented response). */
  const client = (prefer?: string): ResetOffsetClient =>
    testClient({
      endpoint: mock.url,
      fetch: (request) => {
        if (prefer) request.headers.set('Prefer', prefer);
        return fetch(request);
      },
    });

  const call = (c: ResetOffsetClient, body = toOffset('orders', 10)) =>
    c.resetMessageOffset({ instanceId: INSTANCE_ID, group: GROUP, body });

  it('covers 204 and every documented error status, each with at least one example', () => {
    // The list of statuses itself is asserted against the spec in response-schema.test.ts.
    expect(responseExamples.map((r) => r.status).sort()).toEqual(Object.keys(operation.responses).sort());
    for (const { status, examples } of errorStatuses) expect(examples.length, status).toBeGreaterThan(0);
  });

  it.each(requestExamples)(
    'resolves on 204 for the request example $name, which the mock records as met',
    async ({ value }) => {
      mock.clearRequests();
      await expect(
        client().resetMessageOffset({ instanceId: INSTANCE_ID, group: GROUP, body: value as never }),
      ).resolves.toBeUndefined();
      expect(mock.requests()).toHaveLength(1);
      expect(mock.requests()[0]).toMatchObject({
        method: 'POST',
        pathParams: { project_id: PROJECT_ID, instance_id: INSTANCE_ID, group: GROUP },
        contract: { valid: true },
        response: { status: 204 },
        headers: { 'x-auth-token': '[REDACTED]' },
      });
    },
  );

  it.each(errorStatuses)(
    'Prefer: code=$status rejects with that status and its first example',
    async ({ status, examples }) => {
      const error = await rejection(call(client(`code=${status}`)));
      expect(error).toBeInstanceOf(ResetOffsetError);
      const first = examples[0]!.value as { error_code: string; error_msg: string };
      expect(error).toMatchObject({ status: Number(status), errorCode: first.error_code, errorMsg: first.error_msg });
    },
  );

  it.each(errorExamples)(
    'Prefer: code=$status, example=$name rejects with that example',
    async ({ status, name, value }) => {
      mock.clearRequests();
      const error = await rejection(call(client(`code=${status}, example=${name}`)));
      expect(error).toBeInstanceOf(ResetOffsetError);
      const example = value as { error_code: string; error_msg: string; request_id?: string };
      expect(error).toMatchObject({
        name: 'ResetOffsetError',
        status,
        errorCode: example.error_code,
        errorMsg: example.error_msg,
        body: example,
      });
      if (example.request_id) expect((error as ResetOffsetError).requestId).toBe(example.request_id);
      expect((error as Error).message).toBe(`${example.error_code} (${status}): ${example.error_msg}`);
      // The request itself met the contract: only the answer was chosen.
      expect(mock.requests().map((r) => [r.contract.valid, r.response.status])).toEqual([[true, status]]);
    },
  );

  it('an AK/SK-signed call resolves; the recording keeps the scheme, never the key, signature or session token', async () => {
    mock.clearRequests();
    const secretKey = SECRET_KEY;
    const securityToken = 'FakeSessionToken-0123456789';
    const signed = testClient({
      endpoint: mock.url,
      auth: akskAuth({ accessKey: ACCESS_KEY, secretKey, securityToken }),
    });
    await expect(call(signed)).resolves.toBeUndefined();
    const [recorded] = mock.requests();
    expect(recorded).toMatchObject({ contract: { valid: true }, response: { status: 204 } });
    expect(recorded?.headers).toMatchObject({
      authorization: 'SDK-HMAC-SHA256 [REDACTED]',
      'x-security-token': '[REDACTED]',
      'x-project-id': PROJECT_ID,
    });
    expect(recorded?.headers['x-sdk-date']).toMatch(/^\d{8}T\d{6}Z$/);
    const text = JSON.stringify(recorded);
    for (const secret of [secretKey, securityToken, 'Signature=', 'FAKEAK']) expect(text).not.toContain(secret);
  });

  it('without a token the mock answers 401 (security is part of the contract)', async () => {
    const anonymous = testClient({
      endpoint: mock.url,
      // An auth middleware that authenticates with nothing: what a broken token provider would send.
      auth: { onRequest: ({ request }) => request },
    });
    const error = await rejection(call(anonymous));
    expect(error).toMatchObject({ status: 401 });
  });
});
