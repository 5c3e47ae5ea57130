// Wraps the fetch given to openapi-fetch so that everything that can fail on the wire (connecting,
// and reading the body) fails as a NetworkError, and nothing else does: an error from the caller's
// token provider, say, stays what it is and is never retried.
import { markSecrets, secretsOf } from '../auth/sent-secrets.js';
import { NetworkError } from '../errors.js';

export type FetchLike = (request: Request) => Promise<Response>;

export function guardedFetch(fetchImpl: FetchLike): FetchLike {
  return async (request) => {
    try {
      let response = await fetchImpl(request);
      // The body is read here, so that one cut short is a NetworkError too. Statuses a Response cannot
      // be rebuilt with (0: an opaque redirect in browsers; 204, 205: no body) are passed on as they are.
      if (response.body !== null && response.status > 199 && response.status < 600 && response.status !== 204 && response.status !== 205) {
        const { status, statusText, headers } = response;
        response = new Response(await response.arrayBuffer(), { status, statusText, headers });
      }
      markSecrets(response, ...secretsOf(request));
      return response;
    } catch (error) {
      if (request.signal.aborted) throw error;
      throw new NetworkError(error, secretsOf(request));
    }
  };
}
