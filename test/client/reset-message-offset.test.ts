// resetMessageOffset through an injected fetch: what is sent, and what resolves.
import { describe, expect, it } from 'vitest';
import {
  createResetOffsetClient,
  retryPolicy,
  tokenAuth,
  toEarliest,
  type ResetMessageOffsetRequest,
} from '../../src/index.js';
import { INSTANCE_ID, PROJECT_ID, TEST_ENDPOINT, testClient, TOKEN } from '../support/index.js';
import { recorder } from './helpers.js';

const PATH = `/v2/${PROJECT_ID}/instances/${INSTANCE_ID}/management/groups/orders-consumer/reset-message-offset`;

describe('resetMessageOffset', () => {
  it('POSTs the body as JSON to the operation path with the token, and resolves to undefined on 204', async () => {
    const rec = recorder();
    const result = await testClient({ fetch: rec.fetch }).resetMessageOffset({
      instanceId: INSTANCE_ID,
      group: 'orders-consumer',
      body: { topic: 'orders', partition: 0, message_offset: 42 },
    });
    expect(result).toBeUndefined();
    expect(rec.requests).toHaveLength(1);
    const [sent] = rec.requests;
    expect(sent!.method).toBe('POST');
    expect(sent!.url).toBe(`${TEST_ENDPOINT}${PATH}`);
    expect(sent!.headers['content-type']).toBe('application/json');
    expect(sent!.headers['x-auth-token']).toBe(TOKEN);
    expect(sent!.headers['accept']).toBe('application/json');
    expect(sent!.body).toBe('{"topic":"orders","partition":0,"message_offset":42}');
  });

  it.each<[string, ResetMessageOffsetRequest, string]>([
    ['offset', { topic: 'orders', message_offset: 7 }, '{"topic":"orders","message_offset":7,"partition":-1}'],
    [
      'timestamp',
      { topic: 'orders', timestamp: 1571812144000 },
      '{"topic":"orders","timestamp":1571812144000,"partition":-1}',
    ],
  ])('always sends partition: -1 when the caller leaves it out (%s)', async (_name, body, wire) => {
    const rec = recorder();
    await testClient({ fetch: rec.fetch }).resetMessageOffset({ instanceId: INSTANCE_ID, group: 'g', body });
    expect(rec.requests[0]!.body).toBe(wire);
    expect(body).not.toHaveProperty('partition'); // the caller's object is not modified
  });

  it('keeps an explicit partition, including 0 and -1', async () => {
    const rec = recorder();
    const c = testClient({ fetch: rec.fetch });
    await c.resetMessageOffset({
      instanceId: INSTANCE_ID,
      group: 'g',
      body: { topic: 't', partition: 0, timestamp: 5 },
    });
    await c.resetMessageOffset({
      instanceId: INSTANCE_ID,
      group: 'g',
      body: { topic: 't', partition: -1, timestamp: 5 },
    });
    expect(rec.requests.map((r) => JSON.parse(r.body).partition)).toEqual([0, -1]);
  });

  it('sends the largest safe integer exactly', async () => {
    const rec = recorder();
    await testClient({ fetch: rec.fetch }).resetMessageOffset({
      instanceId: INSTANCE_ID,
      group: 'g',
      body: { topic: 't', message_offset: 9007199254740991 },
    });
    expect(rec.requests[0]!.body).toContain('"message_offset":9007199254740991');
  });

  it('accepts builder output as the body', async () => {
    const rec = recorder();
    await testClient({ fetch: rec.fetch }).resetMessageOffset({
      instanceId: INSTANCE_ID,
      group: 'g',
      body: toEarliest('orders', { partition: 2 }),
    });
    expect(JSON.parse(rec.requests[0]!.body)).toEqual({ topic: 'orders', partition: 2, message_offset: 0 });
  });

  it('asks a token function once per call, and sends what it returns', async () => {
    const rec = recorder();
    let calls = 0;
    const c = testClient({ auth: tokenAuth(async () => `token-${++calls}`), fetch: rec.fetch });
    await c.resetMessageOffset({ instanceId: INSTANCE_ID, group: 'g', body: toEarliest('t') });
    await c.resetMessageOffset({ instanceId: INSTANCE_ID, group: 'g', body: toEarliest('t') });
    expect(rec.requests.map((r) => r.headers['x-auth-token'])).toEqual(['token-1', 'token-2']);
  });

  it('keeps a path prefix of the endpoint and drops its trailing slash', async () => {
    const rec = recorder();
    await testClient({ endpoint: 'https://gateway.example/dms/', fetch: rec.fetch }).resetMessageOffset({
      instanceId: INSTANCE_ID,
      group: 'g',
      body: toEarliest('t'),
    });
    expect(rec.requests[0]!.url).toBe(
      `https://gateway.example/dms/v2/${PROJECT_ID}/instances/${INSTANCE_ID}/management/groups/g/reset-message-offset`,
    );
  });

  it('uses the global fetch at call time when none is given', async () => {
    const rec = recorder();
    const original = globalThis.fetch;
    const c = testClient();
    globalThis.fetch = rec.fetch as typeof fetch;
    try {
      await c.resetMessageOffset({ instanceId: INSTANCE_ID, group: 'g', body: toEarliest('t') });
    } finally {
      globalThis.fetch = original;
    }
    expect(rec.requests).toHaveLength(1);
  });

  it('exposes the openapi-fetch client as raw, with auth applied and no checks', async () => {
    const rec = recorder();
    const c = testClient({ fetch: rec.fetch });
    const { response } = await c.raw.POST(
      '/v2/{project_id}/instances/{instance_id}/management/groups/{group}/reset-message-offset',
      {
        params: { path: { project_id: PROJECT_ID, instance_id: INSTANCE_ID, group: 'g' } },
        body: { topic: 't', message_offset: 1 },
      },
    );
    expect(response.status).toBe(204);
    expect(rec.requests[0]!.headers['x-auth-token']).toBe(TOKEN);
    expect(rec.requests[0]!.body).toBe('{"topic":"t","message_offset":1}');
  });
});

describe('createResetOffsetClient options', () => {
  const base = { projectId: PROJECT_ID, auth: tokenAuth(TOKEN) };

  it.each([
    ['not a URL', 'dms.eu-de.otc.t-systems.com', /an https URL/],
    ['ftp', 'ftp://dms.example', /an https URL/],
    ['plain http to a remote host', 'http://dms.eu-de.otc.t-systems.com', /http only to loopback/],
    ['user info', 'https://user:pass@dms.example', /user info/],
    ['a query', 'https://dms.example/?x=1', /query or fragment/],
    ['an empty query', 'https://dms.example/?', /query or fragment/],
    ['a fragment', 'https://dms.example/#x', /query or fragment/],
  ])('refuses an endpoint with %s', (_name, endpoint, message) => {
    expect(() => createResetOffsetClient({ ...base, endpoint })).toThrow(message);
  });

  it('never echoes a password given in the endpoint', () => {
    expect(() => createResetOffsetClient({ ...base, endpoint: 'https://user:hunter2@dms.example' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });

  it.each(['http://127.0.0.1:4010', 'http://localhost:4010', 'http://[::1]:4010'])(
    'allows plain http to loopback %s',
    (endpoint) => {
      expect(() => createResetOffsetClient({ ...base, endpoint })).not.toThrow();
    },
  );

  it('allows plain http to another host only with allowInsecureHttp', () => {
    expect(() =>
      createResetOffsetClient({ ...base, endpoint: 'http://dms-mock:4010', allowInsecureHttp: true }),
    ).not.toThrow();
  });

  it.each([0, -1, NaN, 2 ** 31])('refuses timeoutMs %s', (timeoutMs) => {
    expect(() => createResetOffsetClient({ ...base, endpoint: TEST_ENDPOINT, timeoutMs })).toThrow(/timeoutMs/);
  });

  it('requires auth', () => {
    // @ts-expect-error auth is required
    expect(() => createResetOffsetClient({ endpoint: TEST_ENDPOINT, projectId: PROJECT_ID })).toThrow(
      /auth is required/,
    );
  });

  it.each([
    { attempts: 0 },
    { attempts: 11 },
    { attempts: 1.5 },
    { baseDelayMs: -1 },
    { maxDelayMs: NaN },
    { maxDelayMs: 2 ** 31 },
    { baseDelayMs: Infinity },
  ])('refuses retry %o', (retry) => {
    expect(() => createResetOffsetClient({ ...base, endpoint: TEST_ENDPOINT, retry: retryPolicy(retry) })).toThrow(
      /retry\./,
    );
  });
});
