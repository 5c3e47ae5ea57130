// What is checked before a request is built. Two layers: the safety checks run always (even with
// `validate: false`), because what they stop would be silently changed on the way (a rounded offset,
// a path collapsed onto another resource, a string that cannot be encoded); the contract checks (the
// spec's schemas, precompiled, in ../validate.ts) run unless the caller opts out. On each spot the
// safety message, the more precise one, is the only one reported.
import { RequestValidationError, type RequestViolation } from '../errors.js';
import { isObject, pathParamViolation, validateResetRequest, type PathParams } from '../validate.js';

// Not empty, and no lone UTF-16 surrogate: it has no UTF-8 form, so encodeURIComponent throws on it
// (a server would get U+FFFD).
function encodable(value: string): boolean {
  try {
    return encodeURIComponent(value) !== '';
  } catch {
    return false;
  }
}

function integerSafety(body: Record<string, unknown>): RequestViolation[] {
  return ['partition', 'message_offset', 'timestamp'].flatMap((name) => {
    const value = body[name];
    return (typeof value === 'number' || typeof value === 'bigint') && !Number.isSafeInteger(value)
      ? [{ in: 'body' as const, path: `/${name}`, message: 'must be a safe integer (a number, no fraction, at most 2^53 - 1): it would be rounded or lost' }]
      : [];
  });
}

/** The body exactly as it goes on the wire: the caller's fields, with `partition` -1 when left out. */
export function wireBody(body: Record<string, unknown>): Record<string, unknown> {
  if (body['partition'] !== undefined) return body;
  const { topic, partition: _omitted, ...rest } = body;
  return { topic, partition: -1, ...rest };
}

/** A body's violations: the integer safety checks, then the spec's schema. */
export function bodyViolations(wire: Record<string, unknown>): RequestViolation[] {
  const safety = integerSafety(wire);
  const contract = validateResetRequest(wire);
  return contract.valid ? safety : [...safety, ...contract.errors.filter((e) => !safety.some((s) => s.path === e.path)).map((e) => ({ in: 'body' as const, ...e }))];
}

/** The wire body of a request that may be sent; throws RequestValidationError with all violations, safety first. */
export function checkRequest(params: PathParams, body: unknown, validate: boolean): Record<string, unknown> {
  const violations: RequestViolation[] = [];
  for (const name of ['project_id', 'instance_id', 'group'] as const) {
    const value: unknown = params[name];
    const message =
      typeof value !== 'string'
        ? 'must be a string'
        : value === '.' || value === '..' || !encodable(value)
          ? "must not be empty, '.', '..' or hold a lone surrogate: a URL would not carry it as given"
          : validate
            ? pathParamViolation(name, value)
            : undefined;
    if (message) violations.push({ in: 'path', path: `/${name}`, message });
  }
  const wire = isObject(body) ? wireBody(body) : undefined;
  violations.push(...(wire === undefined ? [{ in: 'body' as const, path: '', message: 'must be a JSON object' }] : validate ? bodyViolations(wire) : integerSafety(wire)));
  if (violations.length > 0 || !wire) throw new RequestValidationError(violations);
  return wire;
}
