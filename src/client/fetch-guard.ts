// Wraps the fetch given to openapi-fetch so that everything that can fail on the wire (connecting,
// and reading the body) fails as a NetworkError, and nothing else does: a token source's failure (a
// CredentialError, raised before fetch is called), say, is never taken for one and never retried. The
// body is read here, bounded, so that neither openapi-fetch nor the error made from it holds more.
import { secretsOf } from '../auth/sent-secrets.js';
import { NetworkError } from '../errors.js';
import { MAX_RESPONSE_BODY_BYTES, readAtMost } from './read-body.js';

export type FetchLike = (request: Request) => Promise<Response>;

/** An answer as the guarded fetch received it, beyond the Response it handed on. */
export interface Answer {
  /** The response as received: its status and headers (its body is read, or cancelled). */
  readonly response: Response;
  /** At most MAX_RESPONSE_BODY_BYTES of its body, as text. */
  readonly text: string;
  readonly truncated: boolean;
  /** The credentials the request carried. */
  readonly secrets: readonly string[];
}

// Keyed weakly by the Response handed on: nothing outlives the call.
const answers = new WeakMap<Response, Answer>();

/**
 * What the guarded fetch received for the Response it handed on (openapi-fetch hands back neither the
 * request, whose credentials an error blanks out, nor a status outside 200-599 as received); undefined
 * for a Response it did not make (a middleware's).
 */
export function answerTo(response: Response): Answer | undefined {
  return answers.get(response);
}

/** `fetchImpl` with the answer's body bounded and every failure on the wire a NetworkError. */
export function guardedFetch(fetchImpl: FetchLike): FetchLike {
  return async (request) => {
    const secrets = secretsOf(request);
    let answer: Answer;
    let bounded: Response;
    try {
      const response = await fetchImpl(request);
      const { body, status } = response;
      // A 204 has no content to read; a body without a stream (a browser's opaque redirect) has none to bound.
      if (status === 204 || body === null) {
        body?.cancel().catch(() => {});
        answer = { response, text: '', truncated: false, secrets };
        bounded = response;
      } else {
        // The body is read whole up to the limit, so that a body cut short before it fails as a NetworkError;
        // past the limit the rest is cancelled, and the answer is an error with the body's beginning.
        const { bytes, truncated } = await readAtMost(body, MAX_RESPONSE_BODY_BYTES);
        // `stream` keeps a character cut at the limit out of the text, rather than a replacement character.
        answer = { response, text: new TextDecoder().decode(bytes, { stream: truncated }), truncated, secrets };
        // A Response cannot be made with a status outside 200-599, which a server may still send (undici
        // passes 600-999 on): RFC 9110 says to treat such a status as 500. The answer keeps the real one.
        bounded = new Response(bytes, {
          status: status >= 200 && status <= 599 ? status : 500,
          statusText: response.statusText,
          headers: response.headers,
        });
      }
    } catch (error) {
      if (request.signal.aborted) throw error;
      throw new NetworkError(error, secrets);
    }
    answers.set(bounded, answer);
    return bounded;
  };
}
