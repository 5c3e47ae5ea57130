// The credentials each request carried (a token, an Authorization value, a security token), so that an
// error built from its response or its failure can blank them out should a server, a proxy or a fetch
// implementation echo them back. Keyed weakly by the Request: nothing outlives the call.
const secrets = new WeakMap<Request, readonly string[]>();

/** The credentials recorded for `request` by the auth middleware. */
export function secretsOf(request: Request): readonly string[] {
  return secrets.get(request) ?? [];
}

/** Records credential values `request` carries. */
export function markSecrets(request: Request, ...values: readonly string[]): void {
  secrets.set(request, [...secretsOf(request), ...values]);
}

const REDACTED = '[REDACTED]';

/**
 * Credentials this long are blanked wherever they occur inside a string; shorter ones only where a
 * whole string equals them. Real credentials are long (IAM tokens run to thousands of characters,
 * signatures to 64, security tokens to hundreds), while a short test token such as 'DMS' or 't'
 * occurs by chance in the codes and messages the caller matches on.
 */
const MIN_SUBSTRING_SECRET = 16;

function redactText(text: string, found: readonly string[]): string {
  for (const secret of found) {
    if (text === secret) return REDACTED;
    if (secret.length >= MIN_SUBSTRING_SECRET) text = text.replaceAll(secret, REDACTED);
  }
  return text;
}

/**
 * `value` with the credentials in `found` blanked out of every string in it (object keys included, at
 * any depth of parsed JSON): a string equal to a credential becomes '[REDACTED]', and a credential of
 * MIN_SUBSTRING_SECRET characters or more is replaced wherever it occurs. Anything else is left as it
 * is. Copies iteratively, so no nesting depth can overflow the stack.
 */
export function redact<T>(value: T, found: readonly string[]): T {
  if (found.length === 0) return value;
  const root: { value?: unknown } = {};
  // Each entry: where the copy goes (container and key) and what to copy there.
  const queue: Array<[object, string, unknown]> = [[root, 'value', value]];
  for (const [target, key, source] of queue) {
    let copy: unknown = source;
    if (typeof source === 'string') copy = redactText(source, found);
    else if (typeof source === 'object' && source !== null) {
      // An array's keys are its indexes, never a credential.
      const isArray = Array.isArray(source);
      const container: object = isArray ? [] : {};
      for (const [k, v] of Object.entries(source)) queue.push([container, isArray ? k : redactText(k, found), v]);
      copy = container;
    }
    // defineProperty, not assignment: a '__proto__' key of parsed JSON stays an own property.
    Object.defineProperty(target, key, { value: copy, enumerable: true, writable: true, configurable: true });
  }
  return root.value as T;
}
