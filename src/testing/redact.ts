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

/**
 * A credential header's value with the secret replaced. An Authorization value keeps its scheme word
 * (`SDK-HMAC-SHA256 [REDACTED]`) so a test can still assert which authentication its code used.
 */
export function redactHeader(name: string, value: string): string {
  if (!SECRET_HEADERS.has(name)) return value;
  const scheme = /^([A-Za-z][A-Za-z0-9-]*) \S/.exec(value)?.[1];
  return name.endsWith('authorization') && scheme ? `${scheme} ${REDACTED}` : REDACTED;
}
