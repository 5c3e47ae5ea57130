// The client over real HTTP to a node:http server on 127.0.0.1: what arrives on the wire, and that an
// AK/SK signature verifies against the request exactly as the server received it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../src/auth/signing.js';
import { akskAuth, ResetOffsetError, toOffset } from '../../src/index.js';
import {
  ACCESS_KEY,
  apiLikeAnswer,
  INSTANCE_ID,
  PROJECT_ID,
  rejection,
  SECRET_KEY,
  startServer,
  testClient,
  TOKEN,
  type TestServer,
  type WireRequest,
} from '../support/index.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer(apiLikeAnswer);
});
afterAll(() => server.close());

/** Verifies the Authorization header against the request as received (the server's view). */
async function verifies(req: WireRequest): Promise<boolean> {
  const authorization = String(req.headers.authorization);
  const names = /SignedHeaders=([^,]+)/.exec(authorization)![1]!.split(';');
  const headers = Object.fromEntries(names.map((n) => [n, String(req.headers[n])]));
  const { authorization: expected } = await signRequest(
    { accessKey: ACCESS_KEY, secretKey: SECRET_KEY },
    { method: req.method, url: `http://${req.headers.host}${req.rawUrl}`, headers, body: req.body },
  );
  return expected === authorization;
}

describe('over HTTP', () => {
  it('token: the body, headers and path arrive as sent', async () => {
    const client = testClient({ endpoint: server.url });
    await client.resetMessageOffset({
      instanceId: INSTANCE_ID,
      group: 'orders-consumer',
      body: { topic: 'orders', message_offset: 10 },
    });
    const req = server.requests.at(-1)!;
    expect(req.method).toBe('POST');
    expect(req.rawUrl).toBe(
      `/v2/${PROJECT_ID}/instances/${INSTANCE_ID}/management/groups/orders-consumer/reset-message-offset`,
    );
    expect(req.headers['x-auth-token']).toBe(TOKEN);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers.authorization).toBeUndefined();
    expect(JSON.parse(req.body)).toEqual({ topic: 'orders', partition: -1, message_offset: 10 });
  });

  it.each(['orders-consumer', 'team/a b*', '消费组-ü', "~!*()'%2F"])(
    'AK/SK: the signature of group %j verifies against the request as received',
    async (group) => {
      const client = testClient({
        endpoint: server.url,
        auth: akskAuth({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY }),
      });
      await client.resetMessageOffset({
        instanceId: INSTANCE_ID,
        group,
        body: toOffset('orders', 42, { partition: 0 }),
      });
      const req = server.requests.at(-1)!;
      expect(req.headers.authorization).toMatch(
        /^SDK-HMAC-SHA256 Access=FAKEAK0123456789ABCD, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/,
      );
      expect(req.headers['x-project-id']).toBe(PROJECT_ID);
      expect(req.headers['x-sdk-date']).toMatch(/^\d{8}T\d{6}Z$/);
      expect(await verifies(req)).toBe(true);
      // and a tampered body would not verify
      expect(await verifies({ ...req, body: req.body.replace('42', '43') })).toBe(false);
    },
  );

  it('AK/SK with a security token sends and signs X-Security-Token', async () => {
    const client = testClient({
      endpoint: server.url,
      auth: akskAuth({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, securityToken: 'temporary-token' }),
    });
    await client.resetMessageOffset({ instanceId: INSTANCE_ID, group: 'g', body: toOffset('orders', 1) });
    const req = server.requests.at(-1)!;
    expect(req.headers['x-security-token']).toBe('temporary-token');
    expect(String(req.headers.authorization)).toContain(
      'SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token,',
    );
    expect(await verifies(req)).toBe(true);
  });

  it("an error answer becomes a ResetOffsetError with the API's error_code and the request id header", async () => {
    const client = testClient({ endpoint: server.url });
    const error = await rejection(
      client.resetMessageOffset({ instanceId: INSTANCE_ID, group: 'missing', body: toOffset('orders', 1) }),
    );
    expect(error).toBeInstanceOf(ResetOffsetError);
    expect(error).toMatchObject({
      status: 404,
      errorCode: 'DMS.00404022',
      requestId: 'req-404',
      message: 'DMS.00404022 (404): This instance does not exist.',
    });
  });
});
