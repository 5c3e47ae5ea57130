// The errors a call can end with. Each is told apart by class and by `name`; none of them keeps the
// request (its headers carry the token or the signature), and whatever they keep of a response or an
// underlying error has the request's credentials blanked out (a server or a fetch may echo them), so
// printing or serializing an error never leaks a credential.
import { redact } from './auth/sent-secrets.js';
import type { Violation } from './validate.js';

/** Where a contract violation was found: the JSON body or a path parameter. */
export type ViolationLocation = 'body' | 'path';

/** One violation of the contract found before sending: `path` is a JSON Pointer into `in`. */
export interface RequestViolation extends Violation {
  readonly in: ViolationLocation;
}

/**
 * The request breaks the contract; thrown before anything is sent.
 *
 * @example
 * try { await client.resetMessageOffset({ instanceId, group: '..', body }); }
 * catch (err) { if (err instanceof RequestValidationError) console.log(err.violations); }
 * // [{ in: 'path', path: '/group', message: "must be a non-empty string ..." }]
 */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';
  readonly violations: readonly RequestViolation[];

  constructor(violations: readonly RequestViolation[]) {
    const list = violations.map((v) => `${v.in} ${v.path || '(root)'} ${v.message}`).join('; ');
    super(`Request not sent, it breaks the contract: ${list}`);
    this.violations = violations;
  }
}

/** What the client knows of a response that is not 204 (it may come from a proxy instead of the API). */
interface ErrorDetails {
  readonly status: number;
  readonly statusText: string;
  readonly body: unknown;
  readonly requestIdHeader: string | null;
  /** The credentials the request carried, to blank out if the response echoes them. */
  readonly secrets?: readonly string[];
}

function stringField(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The API answered with anything but 204: `status` from the response, `errorCode`/`errorMsg` from the
 * body (`error_code`/`error_msg`, absent when the body is not the API's JSON error), `requestId` from
 * the body or the `X-Request-Id` header, and `body` as received (parsed JSON, text, or `undefined`).
 *
 * @example
 * catch (err) { if (err instanceof ResetOffsetError && err.errorCode === 'DMS.00404022') ... }
 * // err.message: 'DMS.00404022 (404): This instance does not exist.'
 */
export class ResetOffsetError extends Error {
  override readonly name = 'ResetOffsetError';
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly errorMsg: string | undefined;
  readonly requestId: string | undefined;
  readonly body: unknown;

  constructor(received: ErrorDetails) {
    const { secrets = [], ...rest } = received;
    const details = redact(rest, secrets);
    const errorCode = stringField(details.body, 'error_code');
    const errorMsg = stringField(details.body, 'error_msg');
    super(summary(details, errorCode, errorMsg));
    this.status = details.status;
    this.errorCode = errorCode;
    this.errorMsg = errorMsg;
    this.requestId = stringField(details.body, 'request_id') ?? details.requestIdHeader ?? undefined;
    this.body = details.body;
  }
}

function summary(details: Omit<ErrorDetails, 'secrets'>, errorCode: string | undefined, errorMsg: string | undefined): string {
  const { status, statusText, body } = details;
  if (errorCode !== undefined) return `${errorCode} (${status})${errorMsg === undefined ? '' : `: ${errorMsg}`}`;
  const http = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  // The body stays on `.body`; the message only says what kind it was, so that a proxy's HTML page
  // does not flood logs.
  if (body === undefined) return `${http} (empty body)`;
  if (typeof body === 'string') return `${http} (non-JSON body)`;
  if (status >= 200 && status < 400) return `${http} (unexpected status: the API answers 204)`;
  return `${http} (JSON body without error_code)`;
}

/** What an underlying error is reduced to: its name, message and code, nothing else it may carry. */
function sanitizedCause(error: unknown, secrets: readonly string[], depth = 0): Error | undefined {
  if (error === undefined || error === null || depth > 4) return undefined;
  const source = error instanceof Error ? error : new Error(String(error));
  const copy = new Error(redact(source.message, secrets), { cause: sanitizedCause(source.cause, secrets, depth + 1) });
  if (copy.cause === undefined) delete copy.cause;
  copy.name = redact(source.name, secrets);
  const code = (source as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code: redact(code, secrets) });
  // The original stack is dropped too: some fetch implementations format request details into it.
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}

/**
 * The request could not be completed at the network level (DNS, connection refused or reset, TLS,
 * a body cut short). `cause` is a sanitized copy of the underlying error (name, message, code).
 */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';

  /** `secrets`: the credentials the request carried, blanked out of the copied messages. */
  constructor(cause: unknown, secrets: readonly string[] = []) {
    const sanitized = sanitizedCause(cause, secrets);
    super(`Network error: ${sanitized?.message ?? 'request failed'}`, sanitized ? { cause: sanitized } : {});
  }
}

/** The call took longer than `timeoutMs` (default 30 000 ms), retries and their waits included. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`Request timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's `AbortSignal` aborted the call; `cause` is the signal's reason. */
export class AbortError extends Error {
  override readonly name = 'AbortError';

  constructor(reason: unknown) {
    super('Request aborted by the caller', { cause: reason });
  }
}
