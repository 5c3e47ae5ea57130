// Opt-in retries with an injected sleep and random: which failures are retried, how long each wait
// is, Retry-After, the attempt bound, and abort/timeout during a wait. No timed assertions.
import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/client/retry.js';
import {
  AbortError,
  akskAuth,
  NetworkError,
  ResetOffsetError,
  retryPolicy,
  TimeoutError,
  toEarliest,
  type RetryOptions,
  type RetryPolicy,
} from '../../src/index.js';
import { ACCESS_KEY, INSTANCE_ID, rejection, SECRET_KEY, testClient } from '../support/index.js';
import { json, recorder } from './helpers.js';

const call = { instanceId: INSTANCE_ID, group: 'g', body: toEarliest('orders') };

function setup(
  respond: (n: number) => Response | Promise<Response>,
  retry: RetryOptions = {},
  extra: { timeoutMs?: number } = {},
) {
  const waits: number[] = [];
  const rec = recorder((_r, n) => respond(n));
  const options: RetryOptions = {
    random: () => 0.5,
    sleep: async (ms, signal) => {
      waits.push(ms);
      if (signal.aborted) throw signal.reason;
    },
    ...retry,
  };
  const client = testClient({
    fetch: rec.fetch,
    retry: retryPolicy(options),
    ...extra,
  });
  return { client, rec, waits };
}

const error = (status: number, headers: Record<string, string> = {}) =>
  json(status, { error_code: `X.${status}`, error_msg: 'm' }, headers);

describe('what is retried', () => {
  it.each([429, 502, 503, 504])('%i, until it succeeds', async (status) => {
    const { client, rec } = setup((n) => (n < 3 ? error(status) : new Response(null, { status: 204 })));
    await expect(client.resetMessageOffset(call)).resolves.toBeUndefined();
    expect(rec.requests).toHaveLength(3);
  });

  it.each([400, 401, 403, 404, 500, 501, 200])('not %i', async (status) => {
    const { client, rec } = setup(() => error(status));
    await expect(client.resetMessageOffset(call)).rejects.toMatchObject({ status });
    expect(rec.requests).toHaveLength(1);
  });

  it('network errors', async () => {
    let n = 0;
    const waits: number[] = [];
    const client = testClient({
      fetch: async () => {
        if (++n < 3) throw new TypeError('fetch failed');
        return new Response(null, { status: 204 });
      },
      retry: retryPolicy({ sleep: async (ms) => void waits.push(ms), random: () => 0 }),
    });
    await client.resetMessageOffset(call);
    expect(n).toBe(3);
    expect(waits).toEqual([0, 0]);
  });

  it('nothing at all unless opted in', async () => {
    const rec = recorder(() => error(503));
    const client = testClient({
      fetch: rec.fetch,
    });
    await expect(client.resetMessageOffset(call)).rejects.toBeInstanceOf(ResetOffsetError);
    expect(rec.requests).toHaveLength(1);
  });
});

describe('how often and how long', () => {
  it('stops after `attempts` with the last error', async () => {
    const { client, rec } = setup((n) => error(n < 4 ? 503 : 502), { attempts: 4 });
    await expect(client.resetMessageOffset(call)).rejects.toMatchObject({ status: 502 });
    expect(rec.requests).toHaveLength(4);
  });

  it('defaults to 3 attempts with retryPolicy()', async () => {
    const rec = recorder(() => error(503, { 'Retry-After': '0' }));
    const client = testClient({
      fetch: rec.fetch,
      retry: retryPolicy(),
      timeoutMs: 60_000,
    });
    await expect(client.resetMessageOffset(call)).rejects.toBeInstanceOf(ResetOffsetError);
    expect(rec.requests).toHaveLength(3);
  });

  it('waits a full-jitter share of an exponentially growing, capped window', async () => {
    const { client, waits } = setup(() => error(503), {
      attempts: 6,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      random: () => 0.5,
    });
    await expect(client.resetMessageOffset(call)).rejects.toBeInstanceOf(ResetOffsetError);
    // windows 100, 200, 400, 800, 1000 (capped); half of each
    expect(waits).toEqual([50, 100, 200, 400, 500]);
  });

  it('waits at least Retry-After (seconds)', async () => {
    const { client, waits } = setup(
      (n) => (n === 1 ? error(429, { 'Retry-After': '3' }) : new Response(null, { status: 204 })),
      { maxDelayMs: 10_000 },
    );
    await client.resetMessageOffset(call);
    expect(waits).toEqual([3000]);
  });

  it('waits until a Retry-After HTTP-date', async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 4000);
    const { client, waits } = setup(
      (n) => (n === 1 ? error(503, { 'Retry-After': at.toUTCString() }) : new Response(null, { status: 204 })),
      { maxDelayMs: 10_000 },
    );
    await client.resetMessageOffset(call);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(2000);
    expect(waits[0]).toBeLessThanOrEqual(5000);
  });

  it('gives up instead of retrying early when Retry-After exceeds maxDelayMs', async () => {
    const { client, rec, waits } = setup(() => error(429, { 'Retry-After': '60' }), { maxDelayMs: 5000 });
    await expect(client.resetMessageOffset(call)).rejects.toMatchObject({ status: 429 });
    expect(rec.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('parses Retry-After forms', () => {
    const now = Date.UTC(2024, 0, 2, 3, 4, 5);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 7 ', now)).toBe(7000);
    expect(parseRetryAfter('Tue, 02 Jan 2024 03:04:15 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Tue, 02 Jan 2024 03:00:00 GMT', now)).toBe(0);
    for (const bad of [null, '', '-1', '1.5', 'soon', '2024-01-02T03:04:15Z'])
      expect(parseRetryAfter(bad, now)).toBeUndefined();
  });
});

describe('abort and timeout during a wait', () => {
  it('a Retry-After that ends past the deadline ends the call at once with the answer, not a TimeoutError', async () => {
    const rec = recorder(() => error(503, { 'Retry-After': '5' }));
    const client = testClient({
      fetch: rec.fetch,
      retry: retryPolicy({ maxDelayMs: 10_000 }),
      timeoutMs: 30,
    });
    await expect(client.resetMessageOffset(call)).rejects.toMatchObject({ name: 'ResetOffsetError', status: 503 });
    expect(rec.requests).toHaveLength(1);
  });

  it("the caller's abort during a wait rejects with AbortError and sends nothing more", async () => {
    const controller = new AbortController();
    const { client, rec } = setup(() => error(503), {
      attempts: 5,
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(signal.reason), { once: true });
          controller.abort('stop');
        }),
    });
    await expect(client.resetMessageOffset({ ...call, signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    expect(rec.requests).toHaveLength(1);
  });

  it('a network error whose backoff would end past the deadline ends the call with it at once', async () => {
    const client = testClient({
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
      retry: retryPolicy({ attempts: 10, baseDelayMs: 1000, random: () => 1 - Number.EPSILON }),
      timeoutMs: 20,
    });
    const e = await rejection(client.resetMessageOffset(call));
    expect(e).toBeInstanceOf(NetworkError);
    expect(e).not.toBeInstanceOf(TimeoutError);
  });
});

describe('AK/SK and retries', () => {
  it('re-signs every attempt with a fresh X-Sdk-Date', async () => {
    let clock = Date.UTC(2024, 0, 2, 3, 4, 5);
    const rec = recorder((_r, n) => (n < 3 ? error(502) : new Response(null, { status: 204 })));
    const client = testClient({
      auth: akskAuth({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, now: () => new Date((clock += 1000)) }),
      fetch: rec.fetch,
      retry: retryPolicy({ sleep: async () => {}, random: () => 0 }),
    });
    await client.resetMessageOffset(call);
    expect(rec.requests.map((r) => r.headers['x-sdk-date'])).toEqual([
      '20240102T030406Z',
      '20240102T030407Z',
      '20240102T030408Z',
    ]);
    expect(new Set(rec.requests.map((r) => r.headers['authorization'])).size).toBe(3);
  });
});

describe("a RetryPolicy of the caller's own", () => {
  it('runs the attempts and sees each failure with its response', async () => {
    const seen: Array<[string, number | undefined]> = [];
    // Retries once, whatever failed: the interface is the loop, the client supplies the attempts.
    const once: RetryPolicy = {
      async run(attempt) {
        const failure = await attempt();
        if (failure === undefined) return undefined;
        seen.push([failure.error.name, failure.response?.status]);
        return attempt();
      },
    };
    const rec = recorder((_r, n) => (n < 2 ? error(500) : new Response(null, { status: 204 })));
    const client = testClient({
      fetch: rec.fetch,
      retry: once,
    });
    await expect(client.resetMessageOffset(call)).resolves.toBeUndefined();
    expect(rec.requests).toHaveLength(2);
    expect(seen).toEqual([['ResetOffsetError', 500]]);
  });
});
