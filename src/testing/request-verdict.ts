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

/** A request as the mock received it: raw target (path and query, percent-encoded), headers, body text. */
export interface ReceivedRequest {
  readonly method: string;
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly rawBody: string;
}

export interface RequestVerdict {
  /** The decoded path parameters, or null when the request is not for the contract's operation. */
  readonly pathParams: PathParams | null;
  /** The parsed JSON body; undefined when there was none or it was not JSON. */
  readonly body: unknown;
  readonly contract: ValidationResult;
}

export interface Operation {
  readonly method: string;
  readonly template: string;
}

const NO_BODY = Symbol('no body');
const NOT_JSON = Symbol('not JSON');

function parseBody(raw: string): unknown {
  if (raw === '') return NO_BODY;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return NOT_JSON;
  }
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

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function under(prefix: string, result: ValidationResult): Violation[] {
  return result.valid ? [] : result.errors.map((e) => ({ path: `${prefix}${e.path}`, message: e.message }));
}

/**
 * The contract's verdict on one received request. Violation paths are JSON Pointers into the request:
 * `/path/group`, `/headers/content-type`, `/body/message_offset`; '' is the request line itself.
 */
export function requestVerdict(operation: Operation, request: ReceivedRequest): RequestVerdict {
  const parsed = parseBody(request.rawBody);
  const body = typeof parsed === 'symbol' ? undefined : parsed;
  const params = request.method === operation.method ? matchPath(operation.template, request.target) : null;
  if (params === null) {
    const message = hasMalformedEncoding(targetPath(request.target))
      ? 'has a path with malformed percent-encoding'
      : `is not ${operation.method} ${operation.template}, the contract's operation`;
    return { pathParams: null, body, contract: { valid: false, errors: [{ path: '', message }] } };
  }
  const pathParams: PathParams = {
    project_id: params['project_id'] ?? '',
    instance_id: params['instance_id'] ?? '',
    group: params['group'] ?? '',
  };
  const errors: Violation[] = under('/path', validatePathParams(pathParams));
  const { headers } = request;
  if (!headers['x-auth-token'] && !headers['authorization']) {
    errors.push({
      path: '/headers',
      message: 'must carry X-Auth-Token (IAM token) or Authorization (AK/SK signature)',
    });
  }
  if (mediaType(headers['content-type']) !== 'application/json') {
    errors.push({ path: '/headers/content-type', message: 'must be application/json' });
  }
  if (parsed === NO_BODY) errors.push({ path: '/body', message: 'is required' });
  else if (parsed === NOT_JSON) errors.push({ path: '/body', message: 'must be JSON' });
  else errors.push(...under('/body', validateResetRequest(parsed)));
  return { pathParams, body, contract: errors.length === 0 ? { valid: true } : { valid: false, errors } };
}
