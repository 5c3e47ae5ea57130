// Wraps the fetch given to openapi-fetch so that everything that can fail on the wire (connecting,
// and reading the body) fails as a NetworkError, and nothing else does: a token source's failure (a
// CredentialError, raised before fetch is called), say, is never taken for one and never retried. The
// body is read here, bounded, so that neither openapi-fetch nor the error made from it holds more.
import { secretsOf } from '../auth/sent-secrets.js';
import { NetworkError } from '../errors.js';
import { MAX_RESPONSE_BODY_BYTES, readAtMost } from './read-body.js';

export type FetchLike = (request: Request) => Promise<Response>;

/** An answer as the client saw it: the response, its body's text (bounded), and the request's credentials. */
export interface Exchange {
  /** The response as received: its status and headers (its body is read, or cancelled). */
  readonly response: Response;
  /** The same answer with at most MAX_RESPONSE_BODY_BYTES of body, for openapi-fetch to read. */
  readonly bounded: Response;
  readonly text: string;
  readonly truncated: boolean;
  readonly secrets: readonly string[];
}

/** Sends `request` with `fetchImpl` and reads at most MAX_RESPONSE_BODY_BYTES of the answer's body. */
export async function exchange(fetchImpl: FetchLike, request: Request): Promise<Exchange> {
  const secrets = secretsOf(request);
  try {
    const response = await fetchImpl(request);
    const { body, status } = response;
    // A 204 has no content to read; a body without a stream (a browser's opaque redirect) has none to bound.
    if (status === 204 || body === null) {
      body?.cancel().catch(() => {});
      return { response, bounded: response, text: '', truncated: false, secrets };
    }
    // The body is read whole up to the limit, so that a body cut short before it fails as a NetworkError;
    // past the limit the rest is cancelled, and the answer is an error with the body's beginning.
    const { bytes, truncated } = await readAtMost(body, MAX_RESPONSE_BODY_BYTES);
    // `stream` keeps a character cut at the limit out of the text, rather than a replacement character.
    const text = new TextDecoder().decode(bytes, { stream: truncated });
    // A Response cannot be made with a status outside 200-599, which a server may still send (undici
    // passes 600-999 on): RFC 9110 says to treat such a status as 500. The client's own error keeps the real one.
    const bounded = new Response(bytes, {
      status: status >= 200 && status <= 599 ? status : 500,
      statusText: response.statusText,
      headers: response.headers,
    });
    return { response, bounded, text, truncated, secrets };
  } catch (error) {
    if (request.signal.aborted) throw error;
    throw new NetworkError(error, secrets);
  }
}

/** `fetchImpl` with the answer's body bounded and every failure on the wire a NetworkError. */
export function guardedFetch(fetchImpl: FetchLike): FetchLike {
  return async (request) => (await exchange(fetchImpl, request)).bounded;
}
