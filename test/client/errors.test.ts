// Every way a call can fail, and that the caller can tell them apart.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  NetworkError,
  ResetOffsetError,
  retryPolicy,
  TimeoutError,
  tokenAuth,
  toEarliest,
} from '../../src/index.js';
import { INSTANCE_ID, rejection, startServer, testClient, type TestServer } from '../support/index.js';
import { countingTokenAuth, json, recorder } from './helpers.js';

const call = { instanceId: INSTANCE_ID, group: 'g', body: toEarliest('orders') };

async function failure(respond: () => Response) {
  const rec = recorder(respond);
  return (await rejection(testClient({ fetch: rec.fetch }).resetMessageOffset(call))) as ResetOffsetError;
}

describe('ResetOffsetError', () => {
  it('carries status, error_code, error_msg and the body of a JSON error', async () => {
    const body = { error_code: 'DMS.00404022', error_msg: 'This instance does not exist' };
    const error = await failure(() => json(404, body, { 'X-Request-Id': 'req-from-header' }));
    expect(error).toBeInstanceOf(ResetOffsetError);
    expect(error.name).toBe('ResetOffsetError');
    expect(error.message).toBe('DMS.00404022 (404): This instance does not exist');
    expect(error).toMatchObject({
      status: 404,
      errorCode: 'DMS.00404022',
      errorMsg: 'This instance does not exist',
      requestId: 'req-from-header',
      body,
    });
  });

  it("prefers the body's request_id (API gateway errors) over the header", async () => {
    const error = await failure(() =>
      json(
        401,
        { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information.', request_id: 'from-body' },
        { 'X-Request-Id': 'from-header' },
      ),
    );
    expect(error).toMatchObject({ status: 401, errorCode: 'APIGW.0301', requestId: 'from-body' });
  });

  it('reads the status from the response, not from the code (DMS.10240407 comes with 404)', async () => {
    const error = await failure(() => json(404, { error_code: 'DMS.10240407', error_msg: 'Request too frequent.' }));
    expect(error).toMatchObject({ status: 404, errorCode: 'DMS.10240407' });
  });

  it('handles a non-JSON body', async () => {
    const error = await failure(
      () =>
        new Response('<html>Bad Gateway</html>', {
          status: 502,
          statusText: 'Bad Gateway',
          headers: { 'Content-Type': 'text/html' },
        }),
    );
    expect(error).toBeInstanceOf(ResetOffsetError);
    expect(error).toMatchObject({
      status: 502,
      errorCode: undefined,
      errorMsg: undefined,
      requestId: undefined,
      body: '<html>Bad Gateway</html>',
    });
    expect(error.message).toBe('HTTP 502 (no error_code in the body)');
  });

  it('handles an empty body, with or without Content-Length', async () => {
    for (const respond of [
      () => new Response(null, { status: 500, statusText: 'Internal Server Error' }),
      () => new Response('', { status: 503, headers: { 'X-Request-Id': 'r1' } }),
    ]) {
      const error = await failure(respond);
      expect(error).toBeInstanceOf(ResetOffsetError);
      expect(error.body).toBeUndefined();
      expect(error.errorCode).toBeUndefined();
      expect(error.message).toMatch(/^HTTP 50[03] \(no error_code in the body\)$/);
    }
  });

  it('handles JSON that is not the error shape', async () => {
    const error = await failure(() => json(400, ['not', 'an', 'object']));
    expect(error).toMatchObject({ status: 400, errorCode: undefined, body: ['not', 'an', 'object'] });
    expect(error.message).toBe('HTTP 400 (no error_code in the body)');
  });

  it('treats a 2xx other than 204 as unexpected (the API answers 204)', async () => {
    const error = await failure(() => json(200, { ok: true }));
    expect(error).toBeInstanceOf(ResetOffsetError);
    expect(error.status).toBe(200);
    expect(error.message).toBe('HTTP 200 (expected 204)');
  });
});

describe('redirects', () => {
  let target: TestServer;
  let redirecting: TestServer;
  beforeAll(async () => {
    target = await startServer();
    redirecting = await startServer((_req, res) => {
      res.writeHead(307, { Location: `${target.url}/elsewhere` });
      res.end();
    });
  });
  afterAll(async () => {
    await target.close();
    await redirecting.close();
  });

  it('are not followed, so credentials never go where the redirect points', async () => {
    const error = await rejection(testClient({ endpoint: redirecting.url }).resetMessageOffset(call));
    expect(error).toBeInstanceOf(ResetOffsetError);
    expect((error as ResetOffsetError).status).toBe(307);
    expect(redirecting.requests).toHaveLength(1);
    expect(target.requests).toHaveLength(0);
  });
});

describe('network, timeout and abort', () => {
  let hanging: TestServer;
  let closedPortUrl: string;
  beforeAll(async () => {
    hanging = await startServer(() => {
      /* never answers */
    });
    const closed = await startServer();
    closedPortUrl = closed.url;
    await closed.close();
  });
  afterAll(() => hanging.close());

  it('a refused connection rejects with NetworkError', async () => {
    const error = await rejection(testClient({ endpoint: closedPortUrl }).resetMessageOffset(call));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).not.toBeInstanceOf(ResetOffsetError);
    expect((error as Error).name).toBe('NetworkError');
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('a body cut short is a NetworkError too', async () => {
    const broken = await startServer((_req, res) => {
      res.writeHead(500, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      res.write('{"error_code":');
      res.socket?.destroy();
    });
    try {
      await expect(testClient({ endpoint: broken.url }).resetMessageOffset(call)).rejects.toBeInstanceOf(NetworkError);
    } finally {
      await broken.close();
    }
  });

  it('a slow server rejects with TimeoutError after timeoutMs', async () => {
    const error = await rejection(testClient({ endpoint: hanging.url, timeoutMs: 50 }).resetMessageOffset(call));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ name: 'TimeoutError', timeoutMs: 50 });
  });

  it("the caller's abort rejects with AbortError carrying the reason", async () => {
    const controller = new AbortController();
    const pending = testClient({ endpoint: hanging.url }).resetMessageOffset({ ...call, signal: controller.signal });
    const reason = new Error('shutting down');
    setTimeout(() => controller.abort(reason), 20);
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ name: 'AbortError', cause: reason });
  });

  it('the default timeout is 30 s (fake timers)', async () => {
    vi.useFakeTimers();
    try {
      const pending = testClient({ fetch: () => new Promise<Response>(() => {}) }).resetMessageOffset(call);
      const outcome = rejection(pending);
      let settled = false;
      void outcome.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(29_999);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await outcome).toMatchObject({ name: 'TimeoutError', timeoutMs: 30_000 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('a fetch that ignores its signal cannot hold the call past the timeout or an abort', async () => {
    const stuck = () => new Promise<Response>(() => {});
    const client = testClient({ fetch: stuck, timeoutMs: 20 });
    await expect(client.resetMessageOffset(call)).rejects.toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    const pending = testClient({ fetch: stuck }).resetMessageOffset({
      ...call,
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
  });

  it('an already aborted signal sends nothing and asks no token', async () => {
    const rec = recorder();
    const { auth, asked } = countingTokenAuth();
    const client = testClient({ auth, fetch: rec.fetch });
    await expect(client.resetMessageOffset({ ...call, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      AbortError,
    );
    expect(rec.requests).toHaveLength(0);
    expect(asked()).toBe(0);
  });

  it('the three are distinct classes and names', () => {
    const errors = [new NetworkError(new Error('x')), new TimeoutError(1), new AbortError(undefined)];
    expect(new Set(errors.map((e) => e.name)).size).toBe(3);
    for (const e of errors) expect(errors.filter((other) => other instanceof e.constructor)).toEqual([e]);
  });

  it("an error from the caller's token provider is a CredentialError (not a NetworkError, not retried)", async () => {
    const rec = recorder();
    const client = testClient({
      auth: tokenAuth(() => {
        throw new RangeError('vault unavailable');
      }),
      fetch: rec.fetch,
      retry: retryPolicy(),
    });
    await expect(client.resetMessageOffset(call)).rejects.toMatchObject({
      name: 'CredentialError',
      cause: { name: 'RangeError', message: 'vault unavailable' },
    });
    expect(rec.requests).toHaveLength(0);
  });
});
