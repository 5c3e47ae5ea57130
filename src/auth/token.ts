// IAM token authentication: the token in X-Auth-Token.
import type { Middleware } from 'openapi-fetch';
import { assertCredential } from './credential.js';
import { markSecrets } from './sent-secrets.js';

/** A token, or a function returning the current one (called once per attempt, so it may refresh). */
export type TokenSource = string | (() => string | Promise<string>);

/**
 * Authenticates with an IAM token (valid 24 h) sent as `X-Auth-Token`.
 *
 * @example
 * createResetOffsetClient({ endpoint, projectId, auth: tokenAuth(process.env.OS_TOKEN!) });
 * createResetOffsetClient({ endpoint, projectId, auth: tokenAuth(() => tokenCache.get()) });
 */
export function tokenAuth(token: TokenSource): Middleware {
  if (typeof token !== 'function') assertCredential('token', token);
  return {
    async onRequest({ request }) {
      const value = typeof token === 'function' ? await token() : token;
      assertCredential('token', value);
      request.headers.set('X-Auth-Token', value);
      markSecrets(request, value);
      return request;
    },
  };
}
