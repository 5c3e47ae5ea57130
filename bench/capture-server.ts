// The far end of every benchmarked call: a node:http server on 127.0.0.1 that answers 204 (what the
// real API answers on success) and records what arrived, so the bench can prove that every peer sent
// the same request before timing it. It lives in the bench's own process and thread: its cost is in
// every peer's round trip alike, and it needs no second core on a busy machine.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server received it. */
export interface CapturedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface CaptureServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly endpoint: string;
  /** Requests answered since the last `reset()`. */
  count(): number;
  /** The most recent request, kept in full (the bench redacts it before anything is printed). */
  last(): CapturedRequest | undefined;
  reset(): void;
  close(): Promise<void>;
}

export async function startCaptureServer(): Promise<CaptureServer> {
  let count = 0;
  let last: CapturedRequest | undefined;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      count += 1;
      last = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      res.writeHead(204, { 'X-Request-Id': 'bench' });
      res.end();
    });
  });
  // Keep-alive stays on: every peer reuses its connections, as a real client would. Node closes a
  // connection idle for 5 s by default, about as long as the other peers' batches take: a peer would
  // then reuse a socket the server is closing that moment, and its POST (not retried) fail with
  // ECONNRESET. Idle connections live for the whole run instead; close() ends them.
  server.keepAliveTimeout = 10 * 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    count: () => count,
    last: () => last,
    reset: () => {
      count = 0;
      last = undefined;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
