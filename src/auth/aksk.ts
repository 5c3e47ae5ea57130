// AK/SK authentication: every request (every retry too) is signed with SDK-HMAC-SHA256 at the moment
// it is sent, over the URL it is sent to, so the signature covers the percent-encoded path on the wire.
import type { Middleware } from 'openapi-fetch';
import { assertCredential } from './credential.js';
import { bodyOf } from './request-body.js';
import { markSecrets } from './sent-secrets.js';
import { sdkDate, signingEngine, signRequest } from './signing.js';

export interface AkskCredentials {
  /** The access key ID (AK). */
  readonly accessKey: string;
  /** The secret access key (SK). Never sent; only used to compute the signature. */
  readonly secretKey: string;
  /** The security token of temporary credentials; sent and signed as X-Security-Token. */
  readonly securityToken?: string | undefined;
  /** The clock for X-Sdk-Date (tests); the gateway accepts 15 minutes of skew. */
  readonly now?: (() => Date) | undefined;
}

/**
 * Signs each request with AK/SK (SDK-HMAC-SHA256): with node:crypto where `process.getBuiltinModule`
 * gives it, else (browsers) with Web Crypto. Signed headers: `content-type`, `host` (the URL's host:
 * browsers cannot set Host), `x-project-id`, `x-sdk-date`, and `x-security-token` with temporary
 * credentials.
 *
 * @example
 * createResetOffsetClient({ endpoint, projectId, auth: akskAuth({ accessKey: AK, secretKey: SK }) });
 */
export function akskAuth(credentials: AkskCredentials): Middleware {
  const { accessKey, secretKey, securityToken, now = () => new Date() } = credentials;
  assertCredential('accessKey', accessKey);
  if (typeof secretKey !== 'string' || secretKey === '')
    throw new TypeError('secretKey must be a non-empty string (value not shown)');
  if (securityToken !== undefined) assertCredential('securityToken', securityToken);
  // Chosen once: node:crypto signs synchronously, Web Crypto (browsers) imports the key once, on first use.
  const engine = signingEngine();
  const hmac = engine.hmacSha256Hex(secretKey);
  return {
    async onRequest({ request, params }) {
      const projectId = request.headers.get('X-Project-Id') ?? params.path?.['project_id'];
      if (typeof projectId !== 'string')
        throw new TypeError('AK/SK signing needs the project ID: set X-Project-Id or a project_id path parameter');
      const headers: Record<string, string> = {
        'Content-Type': request.headers.get('Content-Type') ?? 'application/json',
        'X-Project-Id': projectId,
        'X-Sdk-Date': sdkDate(now()),
      };
      if (securityToken !== undefined) headers['X-Security-Token'] = securityToken;
      const body = await bodyOf(request);
      const { authorization, signature } = await signRequest(
        { accessKey, secretKey: hmac },
        { method: request.method, url: request.url, headers: { ...headers, Host: new URL(request.url).host }, body },
        engine,
      );
      for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
      request.headers.set('Authorization', authorization);
      markSecrets(request, authorization, signature, ...(securityToken === undefined ? [] : [securityToken]));
      return request;
    },
  };
}
