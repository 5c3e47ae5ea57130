// What the mock records for each request it receives: the public shape a consumer's test asserts on.
import type { PathParams, ValidationResult } from '../validate.js';

export interface RecordedRequest {
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
  /** The body exactly as received (UTF-8), '' when there was none. */
  readonly rawBody: string;
  /**
   * Whether the request met the contract, by the package's own validators. Violation paths point into
   * the request: '' (not the contract's operation), `/path/group`, `/headers`, `/headers/content-type`,
   * `/body`, `/body/message_offset`, ...
   */
  readonly contract: ValidationResult;
  /** What the mock (Prism) answered. */
  readonly response: { readonly status: number };
}
