// What is checked before a request is built. Two layers: the safety checks run always (even with
// `validate: false`), because what they stop would be silently changed on the way (a rounded offset,
// a path collapsed onto another resource, a string that cannot be encoded); the contract checks (the
// spec's schemas, precompiled, in ../validate.ts) run unless the caller opts out. The schema bounds
// every integer field to a safe integer, so with validation on it also says what the safety check would.
import { RequestValidationError, type RequestViolation } from '../errors.js';
import { bodyViolations, isObject, pathParamViolation, type PathParams } from '../validate.js';

const PATH_PARAMS = ['project_id', 'instance_id', 'group'] as const;

// A string a URL carries unchanged as one path segment: not empty, '.' or '..' (a URL parser collapses
// those onto another resource), and no lone UTF-16 surrogate (it has no UTF-8 form: encodeURIComponent
// throws on it, and a server would get U+FFFD).
function segmentSafe(value: unknown): boolean {
  try {
    return typeof value === 'string' && value !== '.' && value !== '..' && encodeURIComponent(value) !== '';
  } catch {
    return false;
  }
}

/** The body exactly as it goes on the wire: the caller's fields, with `partition` -1 when left out. */
export function wireBody(body: Record<string, unknown>): Record<string, unknown> {
  return body['partition'] === undefined ? { ...body, partition: -1 } : body;
}

/** The wire body of a request that may be sent; throws RequestValidationError with all violations. */
export function checkRequest(params: PathParams, body: unknown, validate: boolean): Record<string, unknown> {
  const violations: RequestViolation[] = [];
  for (const name of PATH_PARAMS) {
    const value = params[name];
    const message = !segmentSafe(value)
      ? "must be a string other than '', '.' and '..', without lone surrogates"
      : validate
        ? pathParamViolation(name, value)
        : undefined;
    if (message) violations.push({ in: 'path', path: `/${name}`, message });
  }
  const wire = isObject(body) ? wireBody(body) : body;
  violations.push(...bodyViolations(wire, validate));
  if (violations.length > 0) throw new RequestValidationError(violations);
  // Only an object passes bodyViolations.
  return wire as Record<string, unknown>;
}
