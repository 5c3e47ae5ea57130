// A real node:http server on 127.0.0.1 that records what arrives on the wire, and the API-like answer
// the real-HTTP suites (client, package, browser) share.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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
