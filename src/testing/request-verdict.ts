// Whether a request the mock received met the contract, decided by the same validators the client runs
// before sending (src/validate.ts), so a consumer's test sees the verdict the package itself would give.
// The validators' own module, which the client's checks import too: the build puts it in one chunk that
// both entries load, so the mock's verdict and the client's check cannot come from two copies.
import {
  validatePathParams,
  validateResetRequest,
  type PathParams,
  type ValidationResult,
  type Violation,
} from '../validate.js';

/** A request as the mock received it: raw target (path and query, percent-encoded), headers, body bytes. */
export interface ReceivedRequest {
  readonly method: string;
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The body's bytes; undefined when it was larger than the mock's limit and not read. */
  readonly body: Uint8Array | undefined;
  /** The mock's body limit, for the message when `body` is undefined. */
  readonly maxBodyBytes: number;
  /** Whether the request had more header fields than the mock reads (the rest were dropped unseen). */
  readonly tooManyHeaders: boolean;
}

/** Why the front answers a request itself instead of forwarding it: Prism would judge it otherwise, or fail. */
export interface Refusal {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
}

export interface RequestVerdict {
  /** The decoded path parameters, or null when the request is not for the contract's operation. */
  readonly pathParams: PathParams | null;
  /** The parsed JSON body; undefined when there was none, or it was not JSON, or too deep or too large. */
  readonly body: unknown;
  /** The body as UTF-8 text ('' when none or not read). */
  readonly rawBody: string;
  readonly contract: ValidationResult;
  /** Set when the mock must answer the request itself (with this status and reason). */
  readonly refusal?: Refusal;
}

export interface Operation {
  readonly method: string;
  readonly template: string;
}

/** How deep a JSON body may nest before the mock stops parsing it (a valid body nests 1 level). */
export const MAX_BODY_DEPTH = 64;

const NO_BODY = Symbol('no body');
const NOT_JSON = Symbol('not JSON');
const TOO_DEEP = Symbol('too deep');

/** The deepest nesting of arrays and objects in a JSON text, counted without recursion. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

function parseBody(raw: string): unknown {
  if (raw === '') return NO_BODY;
  // Kept shallow so that copying, recording and validating a body never recurse deeply.
  if (nestingDepth(raw) > MAX_BODY_DEPTH) return TOO_DEEP;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return NOT_JSON;
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
// ignoreBOM keeps a byte order mark in the text, so the body is recorded (and judged) as it came.
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why a request target is not a path the mock can route, or undefined. Only origin-form (`/path?query`)
 * is: `*`, `http://host/path` and `//...` (which URL parsers read as a host) are not.
 */
export function targetProblem(target: string): string | undefined {
  if (!target.startsWith('/') || target.startsWith('//')) {
    return 'has a request target that is not a path starting with a single /';
  }
  return undefined;
}

/** The request target's path, normalised by the WHATWG URL parser as Prism does (`..` resolved). */
export function targetPath(target: string): string {
  return new URL(target, 'http://mock.invalid').pathname;
}

/** Whether a path segment cannot be percent-decoded (e.g. `%E0%A4%A`). */
export function hasMalformedEncoding(pathname: string): boolean {
  return pathname.split('/').some((segment) => {
    try {
      decodeURIComponent(segment);
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * The path parameters of `pathname` under `template` (`{name}` matches one segment), percent-decoded;
 * null when the path is another one. The pathname is normalised by the WHATWG URL parser first, as Prism
 * does, so `..` segments are judged where they really lead.
 */
export function matchPath(template: string, target: string): Record<string, string> | null {
  const pathname = targetPath(target);
  const want = template.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const segment = got[i] ?? '';
    const name = /^\{(.+)\}$/.exec(part)?.[1];
    if (name === undefined) {
      if (segment !== part) return null;
      continue;
    }
    try {
      params[name] = decodeURIComponent(segment);
    } catch {
      return null; // malformed percent-encoding: no server would route it to the operation
    }
  }
  return params;
}

/** What is wrong with the Content-Type for a JSON body, or undefined. */
function contentTypeProblem(contentType: string | undefined): string | undefined {
  const [type = '', ...params] = (contentType ?? '').split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return 'must be application/json';
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replaceAll('"', '');
  if (charset !== undefined && charset !== 'utf-8') return `must be application/json in UTF-8, not charset=${charset}`;
  return undefined;
}

function under(prefix: string, result: ValidationResult): Violation[] {
  return result.valid ? [] : result.errors.map((e) => ({ path: `${prefix}${e.path}`, message: e.message }));
}

function verdictOf(errors: Violation[]): ValidationResult {
  return errors.length === 0 ? { valid: true } : { valid: false, errors };
}

/** Problems of the request as a whole (target, headers, size) that no server should be asked to judge. */
function framingRefusal(
  operation: Operation,
  request: ReceivedRequest,
): { violation: Violation; refusal: Refusal } | undefined {
  const badTarget = targetProblem(request.target);
  if (badTarget) {
    return {
      violation: { path: '', message: badTarget },
      refusal: {
        status: 400,
        title: 'The request target is not a path',
        detail: `The target ${JSON.stringify(request.target.slice(0, 200))} is not a path starting with a single /; no route of ${operation.template} can match it.`,
      },
    };
  }
  if (hasMalformedEncoding(targetPath(request.target))) {
    return {
      violation: { path: '', message: 'has a path with malformed percent-encoding' },
      refusal: {
        status: 400,
        title: 'Malformed percent-encoding in the request path',
        detail: 'A path segment has a % not followed by valid UTF-8 percent-encoding; no server could route it.',
      },
    };
  }
  if (request.tooManyHeaders) {
    return {
      violation: { path: '/headers', message: 'has more header fields than the mock reads' },
      refusal: {
        status: 431,
        title: 'Too many header fields',
        detail: 'The request has more header fields than the mock reads; the others would be lost unseen.',
      },
    };
  }
  if (request.body === undefined) {
    return {
      violation: { path: '/body', message: `is larger than ${request.maxBodyBytes} bytes, the mock's limit` },
      refusal: {
        status: 413,
        title: 'Request body too large',
        detail: `The body is larger than ${request.maxBodyBytes} bytes, the mock's limit (maxBodyBytes); it was not read.`,
      },
    };
  }
  return undefined;
}

/**
 * The contract's verdict on one received request. Violation paths are JSON Pointers into the request:
 * `/path/group`, `/headers/content-type`, `/body/message_offset`; '' is the request line itself.
 */
export function requestVerdict(operation: Operation, request: ReceivedRequest): RequestVerdict {
  const bytes = request.body ?? new Uint8Array();
  const rawBody = lenientUtf8.decode(bytes);
  const parsed = parseBody(rawBody);
  const body = typeof parsed === 'symbol' ? undefined : parsed;
  const framing = framingRefusal(operation, request);
  if (framing) {
    const pathParams = framing.violation.path === '' ? null : operationParams(operation, request);
    return { pathParams, body, rawBody, contract: verdictOf([framing.violation]), refusal: framing.refusal };
  }
  const pathParams = operationParams(operation, request);
  if (pathParams === null) {
    const message = `is not ${operation.method} ${operation.template}, the contract's operation`;
    return { pathParams, body, rawBody, contract: verdictOf([{ path: '', message }]) };
  }
  const errors: Violation[] = under('/path', validatePathParams(pathParams));
  const { headers } = request;
  if (!headers['x-auth-token'] && !headers['authorization']) {
    errors.push({
      path: '/headers',
      message: 'must carry X-Auth-Token (IAM token) or Authorization (AK/SK signature)',
    });
  }
  const badType = contentTypeProblem(headers['content-type']);
  if (badType) errors.push({ path: '/headers/content-type', message: badType });
  const notUtf8 = !isUtf8(bytes);
  if (notUtf8) errors.push({ path: '/body', message: 'is not valid UTF-8' });
  else if (parsed === NO_BODY) errors.push({ path: '/body', message: 'is required' });
  else if (parsed === NOT_JSON) errors.push({ path: '/body', message: 'must be JSON' });
  else if (parsed === TOO_DEEP) errors.push({ path: '/body', message: `nests deeper than ${MAX_BODY_DEPTH} levels` });
  else errors.push(...under('/body', validateResetRequest(parsed)));
  // Prism reads some other media types as JSON, decodes other charsets, and fails on a Content-Type
  // list; the mock answers those itself, so that its answer and its verdict always agree.
  const refusal: Refusal | undefined = badType
    ? {
        status: 415,
        title: 'Unsupported Content-Type',
        detail: `The operation takes a JSON body: Content-Type ${badType}; got ${JSON.stringify(headers['content-type'] ?? null)}.`,
      }
    : notUtf8
      ? { status: 400, title: 'Request body is not UTF-8', detail: 'A JSON body must be valid UTF-8 (RFC 8259).' }
      : undefined;
  return { pathParams, body, rawBody, contract: verdictOf(errors), ...(refusal ? { refusal } : {}) };
}

function operationParams(operation: Operation, request: ReceivedRequest): PathParams | null {
  if (request.method !== operation.method || targetProblem(request.target)) return null;
  const params = matchPath(operation.template, request.target);
  if (params === null) return null;
  return {
    project_id: params['project_id'] ?? '',
    instance_id: params['instance_id'] ?? '',
    group: params['group'] ?? '',
  };
}
