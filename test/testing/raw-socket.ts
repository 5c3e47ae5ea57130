// Raw HTTP/1.1 over node:net, for requests no HTTP client would send: odd targets, a thousand headers,
// broken UTF-8, bodies written while the answer is already coming back.
import { connect } from 'node:net';

export interface RawResponse {
  /** The status of the first answer on the connection; 0 when none came. */
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** Everything the server sent, as latin1 text. */
  readonly raw: string;
}

function parse(raw: string): RawResponse {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return { status: 0, headers: {}, body: '', raw };
  const [statusLine = '', ...lines] = raw.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  const body = Buffer.from(raw.slice(end + 4), 'latin1')
    .subarray(0, length)
    .toString('utf8');
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body, raw };
}

/**
 * Sends `head` (request line and headers, without the blank line) and then `body` (a Buffer, or a
 * generator of chunks written as the socket drains), and resolves with the first answer once the
 * server has sent it whole or closed. Rejects after `timeoutMs`.
 */
export function rawRequest(
  port: number,
  head: string,
  body: Buffer | Iterable<Buffer> = Buffer.alloc(0),
  timeoutMs = 5_000,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let raw = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parse(raw));
    };
    const timer = setTimeout(() => {
      done = true;
      socket.destroy();
      reject(new Error(`no complete answer within ${timeoutMs} ms; got ${JSON.stringify(raw.slice(0, 200))}`));
    }, timeoutMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      raw += chunk;
      const parsed = parse(raw);
      const end = raw.indexOf('\r\n\r\n');
      if (
        parsed.status &&
        end >= 0 &&
        Buffer.byteLength(raw.slice(end + 4), 'latin1') >= Number(parsed.headers['content-length'] ?? 0)
      )
        finish();
    });
    // The server may close while the body is still being written (it answered early): not an error here.
    socket.on('error', finish);
    socket.on('close', finish);
    socket.write(`${head}\r\n\r\n`);
    const chunks = Buffer.isBuffer(body) ? [body][Symbol.iterator]() : body[Symbol.iterator]();
    const pump = () => {
      while (!done && !socket.destroyed) {
        const next = chunks.next();
        if (next.done) return;
        if (!socket.write(next.value)) return void socket.once('drain', pump);
      }
    };
    pump();
  });
}
