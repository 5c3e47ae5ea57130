// Wraps the fetch given to openapi-fetch so that everything that can fail on the wire (connecting,
// and reading the body) fails as a NetworkError, and nothing else does: an error from the caller's
// token provider, say, stays what it is and is never retried. The body is read here, bounded, so
// that neither openapi-fetch nor the error made from the answer ever holds more of it.
import { secretsOf } from '../auth/sent-secrets.js';
import { NetworkError } from '../errors.js';
import { MAX_RESPONSE_BODY_BYTES, readAtMost } from './read-body.js';

export type FetchLike = (request: Request) => Promise<Response>;

/** An answer as the client saw it: the response (its body bounded), the body's text, and the request's credentials. */
export interface Exchange {
  /** A response with at most MAX_RESPONSE_BODY_BYTES of body (a 204's body is never read). */
  readonly response: Response;
  readonly text: string;
  readonly truncated: boolean;
  readonly secrets: readonly string[];
}

/** Sends `request` with `fetchImpl` and reads at most MAX_RESPONSE_BODY_BYTES of the answer's body. */
export async function exchange(fetchImpl: FetchLike, request: Request): Promise<Exchange> {
  const secrets = secretsOf(request);
  try {
    const response = await fetchImpl(request);
    const { body } = response;
    // A 204 has no content to read; a body without a stream (a browser's opaque redirect) has none to bound.
    if (response.status === 204 || body === null) {
      body?.cancel().catch(() => {});
      return { response, text: '', truncated: false, secrets };
    }
    // The body is read whole up to the limit, so that a body cut short before it fails as a NetworkError;
    // past the limit the rest is cancelled, and the answer is an error with the body's beginning.
    const { bytes, truncated } = await readAtMost(body, MAX_RESPONSE_BODY_BYTES);
    // `stream` keeps a character cut at the limit out of the text, rather than a replacement character.
    const text = new TextDecoder().decode(bytes, { stream: truncated });
    return { response: new Response(bytes, response), text, truncated, secrets };
  } catch (error) {
    if (request.signal.aborted) throw error;
    throw new NetworkError(error, secrets);
  }
}

/** `fetchImpl` with the answer's body bounded and every failure on the wire a NetworkError. */
export function guardedFetch(fetchImpl: FetchLike): FetchLike {
  return async (request) => (await exchange(fetchImpl, request)).response;
}
