// What the mock records for each request it receives: the public shape a consumer's test asserts on.
import type { PathParams, ValidationResult } from '../validate.js';

/**
 * What a recorded request was: a call (of the operation or not), a browser's CORS preflight, or a
 * call whose Prefer header asked for a response the spec does not document (a broken test scenario).
 */
export type RecordedKind = 'call' | 'preflight' | 'test-setup-error';

export interface RecordedRequest {
  /** `'call'`, `'preflight'` (answered for the browser, not a call) or `'test-setup-error'` (see Prefer). */
  readonly kind: RecordedKind;
  /** The HTTP method, upper case. */
  readonly method: string;
  /** The request target as received: percent-encoded path and query. */
  readonly path: string;
  /** The operation's path parameters, percent-decoded; null when the request was for another path or method. */
  readonly pathParams: Readonly<PathParams> | null;
  /**
   * The request headers, lower-case names. Credentials are redacted: X-Auth-Token, X-Security-Token and
   * Cookie become `[REDACTED]`, Authorization keeps only a known scheme (`SDK-HMAC-SHA256 [REDACTED]`).
   */
  readonly headers: Readonly<Record<string, string>>;
  /** The body parsed as JSON; undefined when there was no body or it was not JSON (see rawBody). */
  readonly body: unknown;
  /**
   * The body as received, decoded as UTF-8 ('' when there was none, or it was over the mock's limit
   * and not read). Bytes that are not UTF-8 show as U+FFFD; the verdict then says `/body is not valid UTF-8`.
   */
  readonly rawBody: string;
  /**
   * Whether the request met the contract, by the package's own validators. Violation paths point into
   * the request: '' (not the contract's operation), `/path/group`, `/headers`, `/headers/content-type`,
   * `/body`, `/body/message_offset`, ...
   */
  readonly contract: ValidationResult;
  /** What the mock answered: Prism's status, or the front's own for requests it answers itself. */
  readonly response: { readonly status: number };
  /** The X-Request-Id the mock answered with, fresh for every answer (32 hex digits, as the API gateway's). */
  readonly requestId: string;
}
