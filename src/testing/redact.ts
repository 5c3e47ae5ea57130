// Secrets never reach a recording: a consumer's test may print or snapshot what the mock received.

/** Headers whose values are credentials (lower case). */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'x-auth-token',
  'x-security-token',
  'proxy-authorization',
  'cookie',
]);

export const REDACTED = '[REDACTED]';

// Only well-known scheme words are kept: the first word of an Authorization value without a scheme
// would be part of the secret.
const KNOWN_SCHEMES = new Set(['sdk-hmac-sha256', 'bearer', 'basic', 'digest']);

/**
 * A credential header's value with the secret replaced. An Authorization value with a known scheme
 * keeps the scheme word (`SDK-HMAC-SHA256 [REDACTED]`), so a test can still assert which
 * authentication its code used.
 */
export function redactHeader(name: string, value: string): string {
  if (!SECRET_HEADERS.has(name)) return value;
  const scheme = /^(\S+) /.exec(value)?.[1];
  return name.endsWith('authorization') && scheme && KNOWN_SCHEMES.has(scheme.toLowerCase())
    ? `${scheme} ${REDACTED}`
    : REDACTED;
}
