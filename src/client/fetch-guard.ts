// Wraps the fetch given to openapi-fetch so that everything that can fail on the wire (connecting,
// and reading the body) fails as a NetworkError, and nothing else does: an error from the caller's
// token provider, say, stays what it is and is never retried.
import { markSecrets, secretsOf } from '../auth/sent-secrets.js';
import { NetworkError } from '../errors.js';

export type FetchLike = (request: Request) => Promise<Response>;

export function guardedFetch(fetchImpl: FetchLike): FetchLike {
  return async (request) => {
    try {
      const response = await fetchImpl(request);
      // The whole body is read here (from a clone; the original keeps it for openapi-fetch), so that a
      // body cut short fails as a NetworkError too.
      await response.clone().arrayBuffer();
      markSecrets(response, ...secretsOf(request));
      return response;
    } catch (error) {
      if (request.signal.aborted) throw error;
      throw new NetworkError(error, secretsOf(request));
    }
  };
}
