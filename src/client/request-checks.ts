// What is checked before a request is built. Two layers: the safety checks run always (even with
// `validate: false`), because what they stop would be silently changed on the way (a rounded offset,
// a path collapsed onto another resource, a string that cannot be encoded); the contract checks (the
// spec's schemas, precompiled) run unless the caller opts out.
import type { RequestViolation } from '../errors.js';
import { validatePathParams, validateResetRequest, type PathParams } from '../validate.js';

const INTEGER_FIELDS = ['partition', 'message_offset', 'timestamp'] as const;

// A lone UTF-16 surrogate has no UTF-8 form: encodeURIComponent throws on it (a server would get U+FFFD).
function encodable(value: string): boolean {
  try {
    encodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

function pathSafety(params: PathParams): RequestViolation[] {
  const out: RequestViolation[] = [];
  for (const [name, value] of Object.entries(params) as Array<[keyof PathParams, unknown]>) {
    const path = `/${name}`;
    if (typeof value !== 'string') out.push({ in: 'path', path, message: 'must be a string' });
    else if (value === '' || value === '.' || value === '..')
      out.push({ in: 'path', path, message: "must not be empty, '.' or '..' (a URL parser would send the request to another resource)" });
    else if (!encodable(value)) out.push({ in: 'path', path, message: 'must be well-formed Unicode (no lone surrogates)' });
  }
  return out;
}

function integerSafety(body: Record<string, unknown>): RequestViolation[] {
  const out: RequestViolation[] = [];
  for (const name of INTEGER_FIELDS) {
    const value = body[name];
    const path = `/${name}`;
    if (typeof value === 'bigint') {
      out.push({ in: 'body', path, message: 'must be a number, not a bigint (at most 2^53 - 1, which a number holds exactly)' });
    } else if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      out.push({ in: 'body', path, message: `must be a safe integer (at most 2^53 - 1, no fraction, NaN or Infinity); ${String(value)} would be rounded or lost` });
    }
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body exactly as it goes on the wire: the caller's fields, with `partition` -1 when left out. */
export function wireBody(body: Record<string, unknown>): Record<string, unknown> {
  if (body['partition'] !== undefined) return body;
  const { topic, partition: _omitted, ...rest } = body;
  return { topic, partition: -1, ...rest };
}

export interface CheckedRequest {
  readonly params: PathParams;
  readonly body: Record<string, unknown>;
}

/** All violations of the request, safety first. Empty means: safe to send `body` (the wire body). */
export function checkRequest(params: PathParams, body: unknown, validate: boolean): { violations: RequestViolation[]; body?: Record<string, unknown> } {
  const safety = pathSafety(params);
  if (!isPlainObject(body)) {
    return { violations: [...safety, { in: 'body', path: '', message: 'must be a JSON object' }] };
  }
  const wire = wireBody(body);
  if (!validate) return { violations: [...safety, ...integerSafety(wire)], body: wire };
  const pathResult = validatePathParams(params);
  const pathSchema = pathResult.valid ? [] : pathResult.errors.map((e) => ({ in: 'path' as const, ...e }));
  return { violations: [...merge(safety, pathSchema), ...bodyViolations(wire)], body: wire };
}

/** A body's violations: the integer safety checks, then the spec's schema. */
export function bodyViolations(wire: Record<string, unknown>): RequestViolation[] {
  const result = validateResetRequest(wire);
  return merge(integerSafety(wire), result.valid ? [] : result.errors.map((e) => ({ in: 'body' as const, ...e })));
}

// The safety message is the more precise one; a schema message on the same spot adds nothing.
function merge(safety: RequestViolation[], schema: RequestViolation[]): RequestViolation[] {
  const covered = new Set(safety.map((v) => `${v.in}${v.path}`));
  return [...safety, ...schema.filter((v) => !covered.has(`${v.in}${v.path}`))];
}
