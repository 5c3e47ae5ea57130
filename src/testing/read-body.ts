// Reading a request body whole, but never more than a limit: a body's size is the sender's choice,
// the mock's memory is not.
import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { buffer } from 'node:stream/consumers';

export type BodyRead = { readonly body: Buffer } | { readonly tooLarge: true };

class OverLimit extends Error {}

/**
 * The request's body, or `tooLarge` once more than `limit` bytes are announced (Content-Length) or
 * arrive (chunked). The rest of a body over the limit is not read: the caller answers and closes.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return { tooLarge: true };
  let total = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      done(total > limit ? new OverLimit() : null, chunk);
    },
  });
  // pipe() passes no error on: a client that goes away mid-body must still end the read.
  req.once('error', (error) => counter.destroy(error));
  req.once('close', () => {
    if (!req.complete) counter.destroy(new Error('the client closed the connection before the body ended'));
  });
  try {
    // pipe() detaches the request from a failed counter without destroying it, so it can be answered.
    return { body: await buffer(req.pipe(counter)) };
  } catch (error) {
    if (error instanceof OverLimit) return { tooLarge: true };
    throw error;
  }
}
