// The mock's public listener: an HTTP front on the consumer's host/port that records each request (with
// the contract's verdict) and forwards it to Prism, so the API's answers are Prism's own. The front
// answers itself only what Prism would judge differently from the contract or fail on (a request
// target that is not a path, a body too large, a Content-Type Prism reads otherwise, ...), a Prefer
// header naming an undocumented response, and CORS preflights; each such answer says why.
import { randomUUID } from 'node:crypto';
import {
  Agent,
  createServer,
  request as httpRequest,
  STATUS_CODES,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { buffer } from 'node:stream/consumers';
import type { DocumentedResponses } from './bundled-spec.js';
import { corsHeaders, isPreflight, preflightAnswer, problem, type Answer } from './front-answers.js';
import { RECORDS_PATH, type MockServer } from './mock-types.js';
import { checkPrefer } from './prefer.js';
import { readBody } from './read-body.js';
import type { RecordedRequest } from './recorded-request.js';
import { createRequestLog } from './request-log.js';
import { redactHeader } from './redact.js';
import { matchPath, requestVerdict, targetProblem, type Operation } from './request-verdict.js';

/** What the front offers is what the mock offers (startMockServer adds stopping Prism to close()). */
export type RecordingFront = MockServer;

export interface RecordingFrontOptions {
  readonly host: string;
  readonly port: number;
  /** Prism's base URL (loopback). */
  readonly upstream: string;
  readonly operation: Operation;
  readonly documented: DocumentedResponses;
  readonly maxRecords: number;
  readonly maxBodyBytes: number;
  /** Called with each request once its answer is known (the CLI prints them). */
  readonly onRecord?: (recorded: RecordedRequest) => void;
}

/**
 * The most header fields the front reads. Node drops any beyond its count without a word, so a request
 * that reaches it is answered 431 rather than judged (or forwarded) without the headers it lost.
 */
const MAX_HEADER_FIELDS = 1000;

// Connection-level headers belong to one hop, never forwarded (RFC 9110, 7.6.1); `expect` too: this
// hop already answered 100-continue and holds the whole body. Prefer is replaced by the checked one.
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

function withoutHopByHop(headers: IncomingHttpHeaders | OutgoingHttpHeaders, drop: (name: string) => boolean) {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !drop(name)) out[name] = value;
  }
  return out;
}

/** 32 hex digits, the form of the API gateway's request IDs. */
function newRequestId(): string {
  return randomUUID().replaceAll('-', '');
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function redactAll(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, redactHeader(name, value)]));
}

/**
 * How long the rest of a body over the limit is read and thrown away after the 413. Closing at once
 * would reset the connection under a client still sending, and most clients (fetch among them) read
 * the answer only once they have sent the whole body: they would see a reset instead of the 413.
 */
const DISCARD_MS = 2_000;

/** Reads the rest of a request body into nothing; closes the connection if it has not ended in time. */
function discardRest(req: IncomingMessage): void {
  const timer = setTimeout(() => req.socket.destroy(), DISCARD_MS);
  timer.unref();
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

/** Starts the recording front; resolves once it listens. */
export function startRecordingFront(options: RecordingFrontOptions): Promise<RecordingFront> {
  const { operation, documented, maxBodyBytes, onRecord } = options;
  const upstream = new URL(options.upstream);
  // Keep-alive to Prism: thousands of sequential requests (the property test) stay fast.
  const agent = new Agent({ keepAlive: true });
  const log = createRequestLog(options.maxRecords);

  const record = (fill: (r: RecordedRequest) => void, recorded: RecordedRequest) => {
    fill(recorded);
    // Outside the request handler: an exception in the caller's callback surfaces as theirs, not as
    // a broken response.
    if (onRecord) process.nextTick(onRecord, structuredClone(recorded));
  };

  const forward = (req: IncomingMessage, headers: OutgoingHttpHeaders, body: Buffer) =>
    new Promise<Answer>((resolve, reject) => {
      const out = httpRequest(
        { agent, host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
        (res) => {
          buffer(res).then(
            (data) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: data }),
            reject,
          );
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const serveRecords = (target: string, res: ServerResponse) => {
    const tag = new URL(target, 'http://mock.invalid').searchParams.get('tag');
    const requests = log.list().filter((r) => tag === null || r.headers['x-mock-tag'] === tag);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ requests, dropped: log.dropped() }));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const target = req.url ?? '/';
    if (method === 'GET' && (target === RECORDS_PATH || target.startsWith(`${RECORDS_PATH}?`))) {
      req.resume();
      return serveRecords(target, res);
    }
    const fill = log.reserve();
    const requestId = newRequestId();
    const headers = flatHeaders(req.headers);
    const origin = headers['origin'];
    const common = { method, path: target, headers: redactAll(headers), requestId };
    const send = (answer: Answer, extra: OutgoingHttpHeaders = {}) => {
      const out: OutgoingHttpHeaders = {
        // Prism's own CORS headers and its example X-Request-Id (one constant) give way to the front's.
        ...withoutHopByHop(answer.headers, (name) => name.startsWith('access-control-') || name === 'x-request-id'),
        ...corsHeaders(origin),
        ...extra,
        'x-request-id': requestId,
        'content-length': String(answer.body.length),
      };
      res.writeHead(answer.status, out);
      res.end(answer.body);
    };

    if (isPreflight(method, req.headers)) {
      req.resume();
      const asked = (headers['access-control-request-method'] ?? '').toUpperCase();
      const ok = asked === operation.method && !targetProblem(target) && matchPath(operation.template, target) !== null;
      const answer = ok
        ? preflightAnswer(origin ?? '*', operation.method, headers['access-control-request-headers'])
        : problem(404, 'No such operation', `The API offers ${operation.method} ${operation.template} only.`);
      if (ok) res.writeHead(answer.status, { ...answer.headers, 'x-request-id': requestId }).end();
      else send(answer);
      const message = `is a preflight for ${asked} ${target}, not for ${operation.method} ${operation.template}`;
      return record(fill, {
        kind: 'preflight',
        ...common,
        pathParams: null,
        body: undefined,
        rawBody: '',
        contract: ok ? { valid: true } : { valid: false, errors: [{ path: '', message }] },
        response: { status: answer.status },
      });
    }

    const read = await readBody(req, maxBodyBytes);
    const bytes = 'body' in read ? read.body : undefined;
    const verdict = requestVerdict(operation, {
      method,
      target,
      headers,
      body: bytes,
      maxBodyBytes,
      tooManyHeaders: req.rawHeaders.length / 2 > MAX_HEADER_FIELDS,
    });
    let kind: RecordedRequest['kind'] = 'call';
    let contract = verdict.contract;
    let answer: Answer;
    if (verdict.refusal) {
      const { status, title, detail } = verdict.refusal;
      answer = problem(status, title, detail);
    } else {
      const prefer = checkPrefer(headers['prefer'], documented);
      if (prefer.kind === 'setup-error') {
        kind = 'test-setup-error';
        const violation = { path: '/headers/prefer', message: prefer.detail };
        contract = { valid: false, errors: [...(contract.valid ? [] : contract.errors), violation] };
        answer = problem(
          422,
          'Mock test-setup error: Prefer asks for a response the spec does not document',
          prefer.detail,
          {
            asked: prefer.asked,
            documented: prefer.documented,
          },
        );
      } else {
        const body = bytes ?? Buffer.alloc(0);
        const hadBody = req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;
        const out = withoutHopByHop(req.headers, (name) => name === 'prefer' || name === 'content-length');
        // The body is forwarded whole, so its length is known; Prism reads "no length header" as "no body".
        if (hadBody) out['content-length'] = String(body.length);
        if (prefer.kind === 'scenario') out['prefer'] = prefer.forward;
        try {
          answer = await forward(req, out, body);
        } catch (error) {
          answer = problem(502, 'Prism did not answer', `The mock's Prism failed: ${(error as Error).message}`);
        }
      }
    }
    record(fill, {
      kind,
      ...common,
      pathParams: verdict.pathParams,
      body: verdict.body,
      rawBody: verdict.rawBody,
      contract,
      response: { status: answer.status },
    });
    send(answer);
    if (bytes === undefined) discardRest(req);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A bug of the mock must not end the consumer's test process, nor leave the request unanswered.
      if (!res.headersSent) {
        const answer = problem(
          500,
          'The mock failed',
          `The mock could not handle the request: ${(error as Error).message}`,
        );
        res.writeHead(answer.status, { ...answer.headers, 'x-request-id': newRequestId() }).end(answer.body);
      } else res.destroy();
    });
  });
  server.maxHeadersCount = MAX_HEADER_FIELDS + 1;

  // Requests Node's parser refuses (headers over 16 KiB, a broken request line) never reach the handler:
  // they are answered and recorded here.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // A client that went away (mid-request, or mid-body after its answer) sent no request to answer.
    if (error.code === 'ECONNRESET' || error.code === 'HPE_INVALID_EOF_STATE' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const requestId = newRequestId();
    const reason = `is not an HTTP/1.1 request the mock can read (${error.code ?? 'parse error'})`;
    const answer = problem(status, 'Unreadable HTTP request', `The request ${reason}.`);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\ncontent-type: application/problem+json\r\n` +
        `content-length: ${answer.body.length}\r\nx-request-id: ${requestId}\r\nconnection: close\r\n\r\n${answer.body.toString()}`,
    );
    record(log.reserve(), {
      kind: 'call',
      method: '',
      path: '',
      pathParams: null,
      headers: {},
      body: undefined,
      rawBody: '',
      contract: { valid: false, errors: [{ path: '', message: reason }] },
      response: { status },
      requestId,
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
        requests: log.list,
        clearRequests: log.clear,
        droppedRequests: log.dropped,
        close,
      });
    });
  });
}
