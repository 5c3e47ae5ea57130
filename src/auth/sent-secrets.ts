// The credentials each request carried (a token, an Authorization value, a security token), so that an
// error built from its response or its failure can blank them out should a server, a proxy or a fetch
// implementation echo them back. Keyed weakly by the Request/Response: nothing outlives the call.
const secrets = new WeakMap<Request | Response, readonly string[]>();

/** The credentials recorded for `message` (a Request, or a Response marked with its Request's). */
export function secretsOf(message: Request | Response): readonly string[] {
  return secrets.get(message) ?? [];
}

/** Records credential values `message` carries (a response: those of the request it answers). */
export function markSecrets(message: Request | Response, ...values: readonly string[]): void {
  secrets.set(message, [...secretsOf(message), ...values]);
}

/** `value` with every credential in `found` replaced, in strings at any depth of parsed JSON. */
export function redact<T>(value: T, found: readonly string[]): T {
  if (typeof value === 'string')
    return found.reduce((text: string, secret) => text.replaceAll(secret, '[REDACTED]'), value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redact(item, found)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k, found), redact(v, found)])) as T;
  }
  return value;
}
