// Wraps the fetch given to openapi-fetch so that everything that can fail on the wire (connecting,
// and reading the body) fails as a NetworkError, and nothing else does: an error from the caller's
// token provider, say, stays what it is and is never retried.
import { linkSecrets, secretsOf } from '../auth/sent-secrets.js';
import { NetworkError } from '../errors.js';

export type FetchLike = (request: Request) => Promise<Response>;

export function guardedFetch(fetchImpl: FetchLike): FetchLike {
  return async (request) => {
    let response: Response;
    try {
      response = await fetchImpl(request);
    } catch (error) {
      if (request.signal.aborted) throw error;
      throw new NetworkError(error, secretsOf(request));
    }
    linkSecrets(response, request);
    // Statuses a Response cannot be rebuilt with (0: an opaque redirect in browsers) carry no body.
    if (response.body === null || response.status < 200 || response.status > 599 || response.status === 204 || response.status === 205) {
      return response;
    }
    try {
      const buffered = await response.arrayBuffer();
      const copy = new Response(buffered, { status: response.status, statusText: response.statusText, headers: response.headers });
      linkSecrets(copy, request);
      return copy;
    } catch (error) {
      if (request.signal.aborted) throw error;
      throw new NetworkError(error, secretsOf(request));
    }
  };
}
