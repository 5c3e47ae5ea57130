// Failures that are not answers, each ending in one of the package's errors with a message that says
// what happened: the network (refused, not found, TLS), a token source that gives no token, and a
// server asking to retry after the call's deadline. Servers are node:http / node:net on 127.0.0.1.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AbortError,
  createResetOffsetClient,
  CredentialError,
  DmsResetOffsetError,
  NetworkError,
  RequestValidationError,
  ResetOffsetError,
  retryPolicy,
  TimeoutError,
  toEarliest,
  tokenAuth,
  type ResetOffsetClientOptions,
} from '../../src/index.js';
import { INSTANCE_ID, PROJECT_ID, rejection, TOKEN } from '../support/index.js';
import { startHostileServer, startRawServer, type HostileServer } from './hostile-server.js';

const call = { instanceId: INSTANCE_ID, group: 'g', body: toEarliest('orders') };
const clientFor = (options: Partial<ResetOffsetClientOptions> & Pick<ResetOffsetClientOptions, 'endpoint'>) =>
  createResetOffsetClient({ projectId: PROJECT_ID, auth: tokenAuth(TOKEN), ...options });

describe('NetworkError names its cause', () => {
  it('a refused connection: the code, the address and the port', async () => {
    const closed = await startRawServer(() => {});
    const { url } = closed;
    await closed.close();
    const port = new URL(url).port;
    const error = await rejection(clientFor({ endpoint: url }).resetMessageOffset(call));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({
      code: 'ECONNREFUSED',
      message: `Network error: fetch failed: connect ECONNREFUSED 127.0.0.1:${port}`,
    });
  });

  it('a TLS failure (https to a server that does not speak TLS): the TLS error', async () => {
    const plain = await startRawServer((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'), 'https');
    try {
      const error = await rejection(clientFor({ endpoint: plain.url }).resetMessageOffset(call));
      expect(error).toBeInstanceOf(NetworkError);
      const { code, message } = error as NetworkError;
      expect(code).toMatch(/^ERR_SSL_/);
      expect(message).toMatch(/^Network error: fetch failed: .*(ssl|SSL|TLS|wrong version)/);
      expect(message).toContain(code);
    } finally {
      await plain.close();
    }
  });

  it("a name that does not resolve (undici's error, as it throws it: no DNS query leaves the machine)", async () => {
    const host = 'dms.eu-de.otc.t-systems.com';
    const lookup = Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), {
      code: 'ENOTFOUND',
      syscall: 'getaddrinfo',
      hostname: host,
    });
    const error = await rejection(
      clientFor({
        endpoint: `https://${host}`,
        fetch: async () => {
          throw new TypeError('fetch failed', { cause: lookup });
        },
      }).resetMessageOffset(call),
    );
    expect(error).toMatchObject({
      code: 'ENOTFOUND',
      message: `Network error: fetch failed: getaddrinfo ENOTFOUND ${host}`,
    });
  });

  it('a message quoting the credential is blanked like the rest', async () => {
    const error = await rejection(
      clientFor({
        endpoint: 'https://dms.example',
        fetch: async (request) => {
          throw new TypeError('fetch failed', {
            cause: Object.assign(new Error(`refused ${request.headers.get('X-Auth-Token')}`), { code: 'EPROTO' }),
          });
        },
      }).resetMessageOffset(call),
    );
    expect((error as Error).message).toBe('Network error: fetch failed: refused [REDACTED] (EPROTO)');
  });
});

describe('a token source that gives no token ends in a CredentialError, and sends nothing', () => {
  const SECRETISH = 'vault-said-MIIsecret-do-not-print-0123456789';
  let server: HostileServer;
  let received = 0;
  beforeAll(async () => {
    server = await startHostileServer((res) => {
      received++;
      res.writeHead(204);
      res.end();
    });
  });
  afterAll(() => server.close());

  it.each([
    ['undefined', () => undefined, 'it returned undefined'],
    ['null', () => null, 'it returned null'],
    ["''", () => '', 'it returned an empty string'],
    ['a promise of undefined', async () => undefined, 'it returned undefined'],
    ['a number', () => 42, 'it returned a number'],
    [
      'a string with a line break',
      () => `${SECRETISH}\r\nX-Evil: 1`,
      'it returned a string with characters a header cannot carry (value not shown)',
    ],
  ])('%s', async (_name, source, says) => {
    const error = await rejection(
      clientFor({
        endpoint: server.url,
        auth: tokenAuth(source as () => string),
        retry: retryPolicy({ attempts: 3, baseDelayMs: 0 }),
      }).resetMessageOffset(call),
    );
    expect(error).toBeInstanceOf(CredentialError);
    expect(error).toBeInstanceOf(DmsResetOffsetError);
    expect((error as Error).message).toBe(`The token source gave no token: ${says}`);
    expect(inspect(error, { showHidden: true, depth: Infinity })).not.toContain(SECRETISH);
    expect(received).toBe(0);
  });

  it('a throwing source: the cause is a sanitized copy, without what the error carried', async () => {
    const thrown = Object.assign(new Error('vault unavailable'), { code: 'EVAULT', token: SECRETISH });
    for (const source of [
      () => {
        throw thrown;
      },
      () => Promise.reject(thrown),
    ]) {
      const error = await rejection(
        clientFor({ endpoint: server.url, auth: tokenAuth(source), retry: retryPolicy() }).resetMessageOffset(call),
      );
      expect(error).toBeInstanceOf(CredentialError);
      expect((error as Error).message).toBe('The token source gave no token: it threw (see cause)');
      expect((error as Error).cause).toMatchObject({ name: 'Error', message: 'vault unavailable', code: 'EVAULT' });
      expect((error as Error).cause).not.toBe(thrown);
      expect(inspect(error, { showHidden: true, depth: Infinity })).not.toContain(SECRETISH);
    }
    expect(received).toBe(0);
  });
});

describe('a Retry-After that ends after the deadline', () => {
  let server: HostileServer;
  let received = 0;
  beforeAll(async () => {
    server = await startHostileServer((res) => {
      received++;
      res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '3' });
      res.end('{"error_code":"DMS.00503000","error_msg":"Service busy."}');
    });
  });
  afterAll(() => server.close());

  it("gives up at once with the server's answer, not a TimeoutError", async () => {
    const started = Date.now();
    const error = await rejection(
      clientFor({ endpoint: server.url, timeoutMs: 2000, retry: retryPolicy({ maxDelayMs: 5000 }) }).resetMessageOffset(
        call,
      ),
    );
    expect(error).toBeInstanceOf(ResetOffsetError);
    expect(error).toMatchObject({ status: 503, errorCode: 'DMS.00503000' });
    expect(received).toBe(1);
    // "At once": well before the 2 s deadline (and the 3 s the server asked for).
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('one base class', () => {
  it('every error of the package is a DmsResetOffsetError (and an Error)', () => {
    const errors = [
      new RequestValidationError([]),
      new ResetOffsetError(new Response(null, { status: 500 }), undefined),
      new NetworkError(new Error('x')),
      new CredentialError('x'),
      new TimeoutError(1),
      new AbortError(undefined),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(DmsResetOffsetError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(error.constructor.name);
    }
    expect(new Set(errors.map((e) => e.name)).size).toBe(errors.length);
  });
});
