// The errors a call can end with. Each is told apart by class and by `name`, and all of them extend
// DmsResetOffsetError; none of them keeps the request (its headers carry the token or the signature),
// and whatever they keep of a response or an underlying error has the request's credentials blanked
// out (a server or a fetch may echo them), so printing or serializing an error never leaks a credential.
import { redact } from './auth/sent-secrets.js';
import { isObject, type Violation } from './validate.js';

/** Where a contract violation was found: the JSON body or a path parameter. */
export type ViolationLocation = 'body' | 'path';

/** One violation of the contract found before sending: `path` is a JSON Pointer into `in`. */
export interface RequestViolation extends Violation {
  readonly in: ViolationLocation;
}

/**
 * The base class of every error a call can end with, so one `instanceof` covers them all. Each
 * subclass sets its own `name` (minifiers rename classes). Fields are `declare`d and assigned in the
 * constructors: the same own properties, without a second definition of each in the bundle.
 *
 * @example
 * catch (err) { if (err instanceof DmsResetOffsetError) console.error(err.name, err.message); else throw err; }
 */
export abstract class DmsResetOffsetError extends Error {
  constructor(name: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = name;
  }
}

/**
 * The request breaks the contract; thrown before anything is sent.
 *
 * @example
 * try { await client.resetMessageOffset({ instanceId, group: '..', body }); }
 * catch (err) { if (err instanceof RequestValidationError) console.log(err.violations); }
 * // [{ in: 'path', path: '/group', message: "must not be empty, '.', '..' or ..." }]
 */
export class RequestValidationError extends DmsResetOffsetError {
  declare readonly violations: readonly RequestViolation[];

  constructor(violations: readonly RequestViolation[]) {
    super(
      'RequestValidationError',
      `Request not sent, it breaks the contract: ${violations.map((v) => `/${v.in}${v.path} ${v.message}`).join('; ')}`,
    );
    this.violations = violations;
  }
}

function field(body: unknown, name: string): string | undefined {
  const value = isObject(body) ? body[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** What the client knows about an answer beyond the response itself. */
export interface ResetOffsetErrorDetails {
  /** The credentials the request carried: blanked out of the body and the request ID. */
  readonly secrets?: readonly string[] | undefined;
  /** The body was longer than MAX_RESPONSE_BODY_BYTES; `received` is its beginning. */
  readonly bodyTruncated?: boolean | undefined;
}

/**
 * The API answered with anything but 204: `status` from the response, `errorCode`/`errorMsg` from the
 * body (`error_code`/`error_msg`, absent when the body is not the API's JSON error), `requestId` from
 * the body or the `X-Request-Id` header, and `body` as received (parsed JSON, text, or `undefined`):
 * at most MAX_RESPONSE_BODY_BYTES of it, with `bodyTruncated` telling whether there was more.
 *
 * @example
 * catch (err) { if (err instanceof ResetOffsetError && err.errorCode === 'DMS.00404022') ... }
 * // err.message: 'DMS.00404022 (404): This instance does not exist.'
 */
export class ResetOffsetError extends DmsResetOffsetError {
  declare readonly status: number;
  declare readonly errorCode: string | undefined;
  declare readonly errorMsg: string | undefined;
  declare readonly requestId: string | undefined;
  declare readonly body: unknown;
  declare readonly bodyTruncated: boolean;

  /** `response`: the answer; `received`: its body as read (parsed JSON or text); `details`: see ResetOffsetErrorDetails. */
  constructor(response: Response, received: unknown, details: ResetOffsetErrorDetails = {}) {
    const { secrets = [], bodyTruncated = false } = details;
    const body = redact(received === '' ? undefined : received, secrets);
    const { status } = response;
    const errorCode = field(body, 'error_code');
    const errorMsg = field(body, 'error_msg');
    // The body stays on `.body`; the message only says what kind it was, so that a proxy's HTML page
    // does not flood logs.
    const truncated = bodyTruncated ? ', body truncated' : '';
    super(
      'ResetOffsetError',
      errorCode !== undefined
        ? `${errorCode} (${status}${truncated})${errorMsg === undefined ? '' : `: ${errorMsg}`}`
        : // The status text is left out: HTTP/2 has none, and a proxy may put anything in it.
          `HTTP ${status} (${status < 400 ? 'expected 204' : 'no error_code in the body'}${truncated})`,
    );
    this.status = status;
    this.errorCode = errorCode;
    this.errorMsg = errorMsg;
    this.requestId = field(body, 'request_id') ?? redact(response.headers.get('X-Request-Id'), secrets) ?? undefined;
    this.body = body;
    this.bodyTruncated = bodyTruncated;
  }
}

/** What an underlying error is reduced to: its name, message and code (and cause), nothing else it may carry. */
function sanitized(error: unknown, secrets: readonly string[], depth = 0): Error | undefined {
  if (error == null || depth > 4) return undefined;
  // An Error, or whatever else was thrown (a string, a plain object): its fields, where it has them.
  const { name = 'Error', message = String(error), code, cause } = error as Partial<Error> & { code?: unknown };
  const inner = sanitized(cause, secrets, depth + 1);
  const copy = new Error(redact(String(message), secrets), inner && { cause: inner });
  copy.name = redact(String(name), secrets);
  // The original stack is dropped too: some fetch implementations format request details into it.
  copy.stack = `${copy.name}: ${copy.message}`;
  return Object.assign(copy, code != null && { code: redact(String(code), secrets) });
}

/**
 * The chain's messages, outermost first, joined by ': ' ('fetch failed: connect ECONNREFUSED
 * 127.0.0.1:4010'), with the innermost code when no message names it ('terminated: other side closed
 * (UND_ERR_SOCKET)'): undici says only 'fetch failed' and keeps the reason in the cause. `copy` is
 * sanitized(): Errors all the way down, each code a string.
 */
function describeChain(copy: Error): { text: string; code: string | undefined } {
  // OpenSSL's messages end in a line break.
  const messages = new Set<string>();
  let code: string | undefined;
  for (let e: Error | undefined = copy; e; e = e.cause as Error | undefined) {
    messages.add(e.message.trim());
    code = (e as { code?: string }).code ?? code;
  }
  messages.delete('');
  const text = [...messages].join(': ') || copy.name;
  return { text: code === undefined || text.includes(code) ? text : `${text} (${code})`, code };
}

/**
 * The request could not be completed at the network level (DNS, connection refused or reset, TLS,
 * a body cut short). The message names the reason ('Network error: fetch failed: connect ECONNREFUSED
 * 127.0.0.1:4010'), `code` is the innermost error code in the chain (`ECONNREFUSED`, `ENOTFOUND`,
 * `UND_ERR_SOCKET`, a TLS code) when there is one, and `cause` is a sanitized copy of the underlying
 * error (name, message, code, and its cause likewise).
 */
export class NetworkError extends DmsResetOffsetError {
  declare readonly code: string | undefined;

  /** `secrets`: the credentials the request carried, blanked out of the copied messages. */
  constructor(cause: unknown, secrets: readonly string[] = []) {
    const copy = sanitized(cause, secrets);
    const reason = copy && describeChain(copy);
    super('NetworkError', `Network error: ${reason?.text ?? 'request failed'}`, copy && { cause: copy });
    this.code = reason?.code;
  }
}

/**
 * The auth middleware could not get a credential to send: the token source (the function given to
 * `tokenAuth`) threw, or returned something that is not a token (`undefined`, `''`, a value with
 * spaces or line breaks). Nothing was sent. The message never shows the value; when the source
 * threw, `cause` is a sanitized copy of what it threw (name, message, code).
 */
export class CredentialError extends DmsResetOffsetError {
  constructor(message: string, cause?: unknown) {
    const copy = sanitized(cause, []);
    super('CredentialError', message, copy && { cause: copy });
  }
}

/** The call took longer than `timeoutMs` (default 30 000 ms), retries and their waits included. */
export class TimeoutError extends DmsResetOffsetError {
  declare readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super('TimeoutError', `Request timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's `AbortSignal` aborted the call; `cause` is the signal's reason. */
export class AbortError extends DmsResetOffsetError {
  constructor(reason: unknown) {
    super('AbortError', 'Request aborted', { cause: reason });
  }
}
