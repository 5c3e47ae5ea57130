// The mock's public listener: an HTTP front on the consumer's host/port that records each request (with
// the contract's verdict) and forwards it unchanged to Prism, so every answer is Prism's own.
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockServer } from './mock-server.js';
import type { RecordedRequest } from './recorded-request.js';
import { redactHeader } from './redact.js';
import { hasMalformedEncoding, requestVerdict, targetPath, type Operation } from './request-verdict.js';

/** What the front offers is what the mock offers (startMockServer adds stopping Prism to close()). */
export type RecordingFront = MockServer;

export interface RecordingFrontOptions {
  readonly host: string;
  readonly port: number;
  /** Prism's base URL (loopback). */
  readonly upstream: string;
  readonly operation: Operation;
  /** Called with each request once its answer is known (the CLI prints them). */
  readonly onRecord?: (recorded: RecordedRequest) => void;
}

// Connection-level headers belong to one hop, never forwarded (RFC 9110, 7.6.1); `expect` too: this
// hop already answered 100-continue and holds the whole body.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'host',
  'expect',
]);

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function forwardable(headers: IncomingHttpHeaders, bodyLength: number, hadBody: boolean): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  }
  // The body is forwarded whole, so its length is known; Prism reads "no length header" as "no body".
  if (hadBody) out['content-length'] = String(bodyLength);
  else delete out['content-length'];
  return out;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

const MALFORMED_PATH = {
  status: 400,
  headers: { 'content-type': 'application/problem+json' },
  body: Buffer.from(
    JSON.stringify({
      type: 'about:blank',
      title: 'Malformed percent-encoding in the request path',
      status: 400,
      detail: 'A path segment has a % not followed by valid UTF-8 percent-encoding; no server could route it.',
    }),
  ),
};

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts the recording front; resolves once it listens. */
export function startRecordingFront(options: RecordingFrontOptions): Promise<RecordingFront> {
  const { operation, onRecord } = options;
  const upstream = new URL(options.upstream);
  // Keep-alive to Prism: thousands of sequential requests (the property test) stay fast.
  const agent = new Agent({ keepAlive: true });
  // One slot per request in arrival order, filled when its answer is known.
  let slots: Array<RecordedRequest | undefined> = [];

  const forward = (req: IncomingMessage, body: Buffer, hadBody: boolean) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const out = httpRequest(
        {
          agent,
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: forwardable(req.headers, body.length, hadBody),
        },
        (res) => {
          readAll(res).then(
            (data) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: data }),
            reject,
          );
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const server = createServer((req, res) => {
    const slots0 = slots;
    const index = slots0.push(undefined) - 1;
    const hadBody = req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;
    void (async () => {
      const body = await readAll(req);
      const headers = flatHeaders(req.headers);
      const method = (req.method ?? 'GET').toUpperCase();
      const target = req.url ?? '/';
      const rawBody = body.toString('utf8');
      const verdict = requestVerdict(operation, { method, target, headers, rawBody });
      let answer: { status: number; headers: IncomingHttpHeaders; body: Buffer };
      try {
        // Prism 5.12 throws an uncaught URIError on such a path, which would end the consumer's test
        // process: this one answer is the front's own.
        answer = hasMalformedEncoding(targetPath(target)) ? MALFORMED_PATH : await forward(req, body, hadBody);
      } catch (error) {
        const message = `dms-kafka-reset-offset mock: Prism did not answer (${(error as Error).message})`;
        answer = { status: 502, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from(message) };
      }
      const recorded: RecordedRequest = {
        method,
        path: target,
        pathParams: verdict.pathParams,
        headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, redactHeader(name, value)])),
        body: verdict.body,
        rawBody,
        contract: verdict.contract,
        response: { status: answer.status },
      };
      // A clearRequests() while this request was in flight started a new log: don't write into it.
      if (slots === slots0) slots0[index] = recorded;
      res.writeHead(answer.status, forwardable(answer.headers, answer.body.length, true));
      res.end(answer.body);
      // Outside this handler: an exception in the caller's callback surfaces as theirs, not as a
      // broken response.
      if (onRecord) process.nextTick(onRecord, structuredClone(recorded));
    })().catch((error: unknown) => {
      res.destroy(error as Error);
    });
  });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Keep-alive connections of the consumer's HTTP client would hold the process open.
      server.closeAllConnections();
      agent.destroy();
    }));

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${urlHost(options.host)}:${port}`,
        port,
        requests: () => slots.filter((r): r is RecordedRequest => r !== undefined).map((r) => structuredClone(r)),
        clearRequests: () => {
          slots = [];
        },
        close,
      });
    });
  });
}
