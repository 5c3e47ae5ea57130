// Test doubles for the client: an injected-fetch recorder (no network) and a real node:http server on
// 127.0.0.1 that records what arrives on the wire.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tokenAuth } from '../../src/index.js';

export const PROJECT_ID = '0123456789abcdef0123456789abcdef';
export const INSTANCE_ID = '11111111-2222-3333-4444-555555555555';
export const TOKEN = 'MIIsecret-token-value-0123456789';
export const SECRET_KEY = 'FakeSecretKey0123456789abcdefghijklmnopqr';
export const ACCESS_KEY = 'FAKEAK0123456789ABCD';

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A fetch that records each request and answers from `respond` (default 204). */
export function recorder(
  respond: (request: SentRequest, n: number) => Response | Promise<Response> = () =>
    new Response(null, { status: 204 }),
) {
  const requests: SentRequest[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const sent: SentRequest = {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
    };
    requests.push(sent);
    return respond(sent, requests.length);
  };
  return { fetch, requests };
}

/** A JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export interface WireRequest {
  method: string;
  /** The request target exactly as received (raw, still percent-encoded). */
  rawUrl: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface TestServer {
  url: string;
  requests: WireRequest[];
  close(): Promise<void>;
}

/** A node:http server on 127.0.0.1 (free port) answering with `handle` (default 204). */
export async function startServer(
  handle: (request: WireRequest, res: ServerResponse, n: number) => void = (_req, res) => {
    res.statusCode = 204;
    res.end();
  },
): Promise<TestServer> {
  const requests: WireRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const wire: WireRequest = {
        method: req.method ?? '',
        rawUrl: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(wire);
      handle(wire, res, requests.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The group name for which apiLikeAnswer answers 404 (instance not found), like the real API would. */
export const MISSING_GROUP = 'missing';

/**
 * Answers as the API does: 404 with the service's error body and an X-Request-Id for a request to
 * group `missing`, 204 otherwise. The real-HTTP suites share it, so they assert on one answer.
 */
export function apiLikeAnswer(req: WireRequest, res: ServerResponse): void {
  if (req.rawUrl.includes(`/groups/${MISSING_GROUP}/`)) {
    res.writeHead(404, { 'Content-Type': 'application/json', 'X-Request-Id': 'req-404' });
    res.end(JSON.stringify({ error_code: 'DMS.00404022', error_msg: 'This instance does not exist.' }));
    return;
  }
  res.statusCode = 204;
  res.end();
}

/** The path segments of a raw request target, split on '/' before any decoding. */
export function rawSegments(rawUrl: string): string[] {
  return rawUrl.split('?')[0]!.split('/');
}

/** Token auth that counts how often the token was asked for (0 proves nothing was about to be sent). */
export function countingTokenAuth() {
  let asked = 0;
  const auth = tokenAuth(() => {
    asked++;
    return TOKEN;
  });
  return { auth, asked: () => asked };
}
