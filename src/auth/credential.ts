// Credentials go into HTTP headers. An invalid header value makes `Headers.set` throw an error whose
// message quotes the value, i.e. the secret; so values are checked here first, with messages that
// never contain them.

const VISIBLE_ASCII = /^[\x21-\x7E]+$/;

/** Whether `value` is a non-empty string of visible ASCII, i.e. fit for a header. */
export function isCredential(value: unknown): value is string {
  return typeof value === 'string' && VISIBLE_ASCII.test(value);
}

/** Throws a TypeError naming `what` (never the value) unless `value` is a non-empty visible-ASCII string. */
export function assertCredential(what: string, value: unknown): asserts value is string {
  if (!isCredential(value))
    throw new TypeError(`${what} must be a non-empty string of visible ASCII (value not shown)`);
}
