// Every answer but 204 ends in a ResetOffsetError, whatever its status and body: a hostile node:http
// server on 127.0.0.1 answers 2xx, 3xx, 4xx, 5xx and out-of-range statuses with JSON, HTML, garbage,
// broken JSON, nothing, and JSON nested far deeper than any logger can print; a node:net server writes
// what no HTTP server would. Nothing ends in a bare SyntaxError or RangeError.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createResetOffsetClient,
  DmsResetOffsetError,
  MAX_RESPONSE_BODY_BYTES,
  NetworkError,
  ResetOffsetError,
  toEarliest,
  tokenAuth,
} from '../../src/index.js';
import { INSTANCE_ID, PROJECT_ID, rejection, TOKEN } from '../support/index.js';
import { startHostileServer, startRawServer, type HostileServer } from './hostile-server.js';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const GARBAGE = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 151 + 7) % 256));

/** The bodies a proxy, a broken server or an attacker may send: [name, Content-Type, bytes]. */
const BODIES: Array<[string, string, string | Buffer]> = [
  ['the API error', 'application/json', '{"error_code":"DMS.00400062","error_msg":"Invalid request parameter."}'],
  ['HTML', 'text/html', '<html><body><form>Sign in</form></body></html>'],
  ['garbage bytes', 'application/octet-stream', GARBAGE],
  ['broken JSON', 'application/json', '{"error_code":"DMS.0040'],
  ['JSON null', 'application/json', 'null'],
  ['nothing', 'application/json', ''],
  ['arrays 5000 deep (10 KB)', 'application/json', nested(5000)],
  ['arrays 32768 deep (64 KiB)', 'application/json', nested(32_768)],
];
const STATUSES = [200, 201, 202, 206, 301, 302, 303, 307, 400, 404, 429, 500, 503, 599];

let server: HostileServer;
beforeAll(async () => {
  // The group ID says what to answer: '<status>-<index into BODIES>'.
  server = await startHostileServer((res, group) => {
    const [status, index] = group.split('-').map(Number) as [number, number];
    const [, type, body] = BODIES[index]!;
    res.writeHead(status, { 'Content-Type': type, Location: 'http://127.0.0.1:9/elsewhere' });
    res.end(body);
  });
});
afterAll(() => server.close());

const client = () => createResetOffsetClient({ endpoint: server.url, projectId: PROJECT_ID, auth: tokenAuth(TOKEN) });
const call = (group: string) => ({ instanceId: INSTANCE_ID, group, body: toEarliest('orders') });

describe.each(BODIES.map(([name], index) => [name, index] as const))('a body of %s', (_name, index) => {
  it.each(STATUSES)('with status %i is a ResetOffsetError that can be printed and serialized', async (status) => {
    const error = await rejection(client().resetMessageOffset(call(`${status}-${index}`)));
    expect(error).toBeInstanceOf(ResetOffsetError);
    expect(error).toBeInstanceOf(DmsResetOffsetError);
    const e = error as ResetOffsetError;
    expect(e.status).toBe(status);
    expect(e.bodyTruncated).toBe(false);
    expect(() => JSON.stringify(e)).not.toThrow();
    expect(() => inspect(e, { depth: Infinity })).not.toThrow();
    const [, , sent] = BODIES[index]!;
    if (index === 0) expect(e).toMatchObject({ errorCode: 'DMS.00400062', errorMsg: 'Invalid request parameter.' });
    else expect(e.errorCode).toBeUndefined();
    if (sent === '') expect(e.body).toBeUndefined();
    // Text stays text, as received; JSON deeper than 64 levels too, so the error stays serializable.
    else if (typeof sent === 'string' && (index === 1 || index === 3 || sent.length > 1000)) expect(e.body).toBe(sent);
    expect(e.message).toBe(
      index === 0
        ? `DMS.00400062 (${status}): Invalid request parameter.`
        : `HTTP ${status} (${status < 400 ? 'expected 204' : 'no error_code in the body'})`,
    );
  });
});

describe('the body limit', () => {
  let sized: HostileServer;
  beforeAll(async () => {
    // '<n>' answers n bytes: 'x' repeated, or ending in a three-byte character cut by the limit for 'cut-<n>'.
    sized = await startHostileServer((res, group) => {
      const n = Number(group.replace('cut-', ''));
      const body = group.startsWith('cut-')
        ? Buffer.concat([Buffer.alloc(n - 2, 'x'), Buffer.from('€')])
        : Buffer.alloc(n, 'x');
      res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(body);
    });
  });
  afterAll(() => sized.close());
  const sizedCall = (group: string) =>
    rejection(
      createResetOffsetClient({
        endpoint: sized.url,
        projectId: PROJECT_ID,
        auth: tokenAuth(TOKEN),
      }).resetMessageOffset(call(group)),
    ) as Promise<ResetOffsetError>;

  it('is 64 KiB, exported as MAX_RESPONSE_BODY_BYTES', () => {
    expect(MAX_RESPONSE_BODY_BYTES).toBe(65_536);
  });

  it('a body of exactly the limit is read whole', async () => {
    const error = await sizedCall(String(MAX_RESPONSE_BODY_BYTES));
    expect(error).toMatchObject({ bodyTruncated: false, message: 'HTTP 502 (no error_code in the body)' });
    expect(error.body).toBe('x'.repeat(MAX_RESPONSE_BODY_BYTES));
  });

  it('one byte more is truncated, and the error says so', async () => {
    const error = await sizedCall(String(MAX_RESPONSE_BODY_BYTES + 1));
    expect(error).toMatchObject({
      bodyTruncated: true,
      message: 'HTTP 502 (no error_code in the body, body truncated)',
    });
    expect(error.body).toBe('x'.repeat(MAX_RESPONSE_BODY_BYTES));
  });

  it('a character cut by the limit is left out, not turned into a replacement character', async () => {
    const error = await sizedCall(`cut-${MAX_RESPONSE_BODY_BYTES + 1}`);
    expect(error.bodyTruncated).toBe(true);
    expect(error.body).toBe('x'.repeat(MAX_RESPONSE_BODY_BYTES - 1));
  });

  it('an API error padded past the limit keeps its code, and says the body was truncated', async () => {
    const padded = await startHostileServer((res) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(
        `{"error_code":"DMS.00500000","error_msg":"Internal service error."}${' '.repeat(MAX_RESPONSE_BODY_BYTES)}`,
      );
    });
    try {
      const error = await rejection(
        createResetOffsetClient({
          endpoint: padded.url,
          projectId: PROJECT_ID,
          auth: tokenAuth(TOKEN),
        }).resetMessageOffset(call('g')),
      );
      expect(error).toMatchObject({
        errorCode: 'DMS.00500000',
        bodyTruncated: true,
        message: 'DMS.00500000 (500, body truncated): Internal service error.',
      });
    } finally {
      await padded.close();
    }
  });
});

describe('what no HTTP server should send (raw sockets)', () => {
  async function rawCall(reply: string, timeoutMs = 5000) {
    const raw = await startRawServer((socket) => socket.once('data', () => socket.write(reply)));
    try {
      return await rejection(
        createResetOffsetClient({
          endpoint: raw.url,
          projectId: PROJECT_ID,
          auth: tokenAuth(TOKEN),
          timeoutMs,
        }).resetMessageOffset(call('g')),
      );
    } finally {
      await raw.close();
    }
  }

  it('a status outside 100-599 is a ResetOffsetError with the status as received', async () => {
    const error = await rawCall('HTTP/1.1 600 Odd\r\nContent-Length: 2\r\nConnection: close\r\n\r\nno');
    expect(error).toMatchObject({ name: 'ResetOffsetError', status: 600, body: 'no' });
  });

  it('a 204 followed by endless bytes resolves: its body is never read', async () => {
    const raw = await startRawServer((socket) =>
      socket.once('data', () => {
        socket.write('HTTP/1.1 204 No Content\r\nContent-Length: 100000000\r\n\r\n');
        const flood = () => {
          while (!socket.destroyed && socket.write(Buffer.alloc(65_536, 'x')));
          if (!socket.destroyed) socket.once('drain', flood);
        };
        flood();
      }),
    );
    try {
      await expect(
        createResetOffsetClient({
          endpoint: raw.url,
          projectId: PROJECT_ID,
          auth: tokenAuth(TOKEN),
          timeoutMs: 5000,
        }).resetMessageOffset(call('g')),
      ).resolves.toBeUndefined();
    } finally {
      await raw.close();
    }
  });

  it('a broken chunked encoding is a NetworkError', async () => {
    const error = await rawCall('HTTP/1.1 500 Oops\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nnot a chunk\r\n');
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toMatch(/^Network error: /);
  });

  it('a connection closed before any answer is a NetworkError naming the reason', async () => {
    const raw = await startRawServer((socket) => socket.once('data', () => socket.destroy()));
    try {
      const error = await rejection(
        createResetOffsetClient({
          endpoint: raw.url,
          projectId: PROJECT_ID,
          auth: tokenAuth(TOKEN),
        }).resetMessageOffset(call('g')),
      );
      expect(error).toMatchObject({ name: 'NetworkError', code: 'UND_ERR_SOCKET' });
      expect((error as Error).message).toBe('Network error: fetch failed: other side closed (UND_ERR_SOCKET)');
    } finally {
      await raw.close();
    }
  });
});
