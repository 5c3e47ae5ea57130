// IAM token authentication: the token in X-Auth-Token.
import type { Middleware } from 'openapi-fetch';
import { CredentialError } from '../errors.js';
import { assertCredential, isCredential } from './credential.js';
import { markSecrets } from './sent-secrets.js';

/** A token, or a function returning the current one (called once per attempt, so it may refresh). */
export type TokenSource = string | (() => string | Promise<string>);

// The kind of value a token source gave instead of a token: never the value itself.
function kindOf(value: unknown): string {
  if (typeof value === 'string')
    return value === '' ? 'an empty string' : 'a string with characters a header cannot carry (value not shown)';
  return value == null ? String(value) : `a ${typeof value}`;
}

// Asks the caller's token source, turning a failure or a non-token into a CredentialError.
async function tokenFrom(source: () => string | Promise<string>): Promise<string> {
  let value: unknown;
  try {
    value = await source();
  } catch (error) {
    throw new CredentialError('The token source gave no token: it threw (see cause)', error);
  }
  if (!isCredential(value)) throw new CredentialError(`The token source gave no token: it returned ${kindOf(value)}`);
  return value;
}

/**
 * Authenticates with an IAM token (valid 24 h) sent as `X-Auth-Token`. A function is asked once per
 * attempt; if it throws or returns no token, the call rejects with a CredentialError and sends nothing.
 *
 * @example
 * createResetOffsetClient({ endpoint, projectId, auth: tokenAuth(process.env.OS_TOKEN!) });
 * createResetOffsetClient({ endpoint, projectId, auth: tokenAuth(() => tokenCache.get()) });
 */
export function tokenAuth(token: TokenSource): Middleware {
  if (typeof token !== 'function') assertCredential('token', token);
  return {
    async onRequest({ request }) {
      const value = typeof token === 'function' ? await tokenFrom(token) : token;
      request.headers.set('X-Auth-Token', value);
      markSecrets(request, value);
      return request;
    },
  };
}
