// Contract validation with the precompiled validators in generated/validators.js: the verdict is
// always the spec's own schema; this file only turns ajv's errors into messages a caller can act on.
import {
  validateErrorSchema,
  validateGroupSchema,
  validateInstanceIdSchema,
  validateProjectIdSchema,
  validateResetByOffsetSchema,
  validateResetByTimestampSchema,
  validateResetMessageOffsetRequestSchema,
  type AjvError,
  type CompiledValidator,
} from '../generated/validators.js';
import type { ErrorBody, ResetMessageOffsetRequest } from './types.js';

/** One contract violation: a JSON Pointer into the validated value ('' is the value itself) and why. */
export interface Violation {
  readonly path: string;
  readonly message: string;
}

export type ValidationResult =
  | { readonly valid: true }
  | { readonly valid: false; readonly errors: readonly Violation[] };

const VALID: ValidationResult = Object.freeze({ valid: true });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toViolation(error: AjvError): Violation {
  const { instancePath, keyword, params } = error;
  if (keyword === 'additionalProperties') {
    const name = String(params['additionalProperty']);
    return { path: `${instancePath}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`, message: 'is not a property of this request' };
  }
  if (keyword === 'false schema') return { path: instancePath, message: 'must not be sent' };
  return { path: instancePath, message: error.message ?? keyword };
}

function collect(validate: CompiledValidator, value: unknown, skip: (v: Violation) => boolean = () => false): Violation[] {
  validate(value);
  const seen = new Set<string>();
  const out: Violation[] = [];
  for (const error of validate.errors ?? []) {
    const violation = toViolation(error);
    const key = `${violation.path}\u0000${violation.message}`;
    if (skip(violation) || seen.has(key)) continue;
    seen.add(key);
    out.push(violation);
  }
  return out;
}

/**
 * Validates a request body against `ResetMessageOffsetRequest`.
 *
 * @example
 * validateResetRequest({ topic: 'orders', message_offset: 1, timestamp: 2 });
 * // { valid: false, errors: [{ path: '', message: 'must have exactly one of message_offset and timestamp, not both' }] }
 */
export function validateResetRequest(body: unknown): ValidationResult {
  if (validateResetMessageOffsetRequestSchema(body)) return VALID;
  // The schema is a oneOf of two branches; report against the branch the caller evidently meant
  // instead of ajv's errors for both.
  if (!isObject(body)) return { valid: false, errors: [{ path: '', message: 'must be a JSON object' }] };
  const hasOffset = body['message_offset'] !== undefined;
  const hasTimestamp = body['timestamp'] !== undefined;
  let errors: Violation[];
  if (hasOffset && hasTimestamp) {
    errors = [
      { path: '', message: 'must have exactly one of message_offset and timestamp, not both' },
      ...collect(validateResetByOffsetSchema, body, (v) => v.path === '/timestamp'),
    ];
  } else if (!hasOffset && !hasTimestamp) {
    errors = [
      { path: '', message: 'must have exactly one of message_offset and timestamp' },
      ...collect(validateResetByOffsetSchema, body, (v) => v.message.includes("'message_offset'")),
    ];
  } else {
    errors = collect(hasOffset ? validateResetByOffsetSchema : validateResetByTimestampSchema, body);
  }
  // Never report "invalid" without a reason, whatever ajv's error shapes become.
  if (errors.length === 0) errors = collect(validateResetMessageOffsetRequestSchema, body);
  return { valid: false, errors };
}

/** Type guard: `body` is a `ResetMessageOffsetRequest` the contract accepts. */
export function isResetRequest(body: unknown): body is ResetMessageOffsetRequest {
  return validateResetMessageOffsetRequestSchema(body);
}

/** Validates an error response body against the spec's `Error` schema. */
export function validateErrorBody(body: unknown): ValidationResult {
  if (validateErrorSchema(body)) return VALID;
  return { valid: false, errors: collect(validateErrorSchema, body) };
}

/** The path parameters as they appear in the spec (wire names). */
export interface PathParams {
  readonly project_id: string;
  readonly instance_id: string;
  readonly group: string;
}

const PATH_VALIDATORS: ReadonlyArray<readonly [keyof PathParams, CompiledValidator]> = [
  ['project_id', validateProjectIdSchema],
  ['instance_id', validateInstanceIdSchema],
  ['group', validateGroupSchema],
];

const PATH_MESSAGES: Readonly<Record<keyof PathParams, string>> = {
  project_id: 'must be 32 lowercase hexadecimal characters',
  instance_id: 'must be a UUID (8-4-4-4-12 hexadecimal digits)',
  group: "must be a non-empty string without control characters, and not '.' or '..'",
};

/**
 * Validates the path parameters; violations have paths such as `/group`.
 *
 * @example
 * validatePathParams({ project_id: 'x', instance_id: '...', group: '..' }).valid; // false
 */
export function validatePathParams(params: PathParams): ValidationResult {
  const errors: Violation[] = [];
  for (const [name, validate] of PATH_VALIDATORS) {
    if (!validate(params[name])) errors.push({ path: `/${name}`, message: PATH_MESSAGES[name] });
  }
  return errors.length === 0 ? VALID : { valid: false, errors };
}

export type { ErrorBody, ResetMessageOffsetRequest };
