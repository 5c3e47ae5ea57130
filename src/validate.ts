// Contract validation with the precompiled validators in generated/validators.js: the verdict is
// always the spec's own schema; this file only turns ajv's errors into messages a caller can act on.
import {
  validateErrorSchema,
  validateGroupSchema,
  validateInstanceIdSchema,
  validateProjectIdSchema,
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
  { readonly valid: true } | { readonly valid: false; readonly errors: readonly Violation[] };

// A new object each time: a caller may change what it is given without changing anyone else's result.
const result = (errors: Violation[]): ValidationResult =>
  errors.length === 0 ? { valid: true } : { valid: false, errors };

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Params = AjvError['params'];

const comparison = (params: Params) => `must be ${params['comparison']} ${params['limit']}`;

// ajv's English is left out of the generated code (messages: false); its wording, for the keywords the
// spec uses, is rebuilt here from each error's params. Any other keyword is named as it is.
const WORDING = new Map<string, (params: Params) => string>([
  ['type', (params) => `must be ${params['type']}`],
  ['required', (params) => `must have required property '${params['missingProperty']}'`],
  ['minLength', (params) => `must NOT have fewer than ${params['limit']} characters`],
  ['maxLength', (params) => `must NOT have more than ${params['limit']} characters`],
  // Only the topic says what it refuses with `not` (Kafka's rule for topic names).
  ['not', () => "must hold only letters, digits, '.', '_' or '-', and not be '.' or '..'"],
  ['minimum', comparison],
  ['maximum', comparison],
  ['additionalProperties', () => 'is not a property of this request'],
  // The request's oneOf, compiled flat (scripts/validators.mjs): more than one branch passes, or none.
  [
    'oneOf',
    (params) => `must have exactly one of message_offset and timestamp${params['passingSchemas'] ? ', not both' : ''}`,
  ],
]);

function message({ keyword, params }: AjvError): string {
  return WORDING.get(keyword)?.(params) ?? `must satisfy ${keyword}`;
}

/** One token of a JSON Pointer: `~` and `/` escaped as `~0` and `~1`. */
function pointerToken(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1');
}

// Where an error is: an unknown property is itself the place to point at, not the object holding it.
function placeOf({ instancePath, params }: AjvError): string {
  const name = params['additionalProperty'];
  return typeof name === 'string' ? `${instancePath}/${pointerToken(name)}` : instancePath;
}

// The errors from inside the oneOf's branches ("message_offset is required", "timestamp is required")
// are its inner view of "neither", which the oneOf's own error already says once.
function isOneOfInnerView({ schemaPath }: AjvError): boolean {
  return schemaPath.startsWith('#/oneOf/');
}

function collect(validate: CompiledValidator, value: unknown): Violation[] {
  validate(value);
  return (validate.errors ?? [])
    .filter((error) => !isOneOfInnerView(error))
    .map((error) => ({ path: placeOf(error), message: message(error) }));
}

/**
 * Validates a request body against `ResetMessageOffsetRequest`.
 *
 * @example
 * validateResetRequest({ topic: 'orders', message_offset: 1, timestamp: 2 });
 * // { valid: false, errors: [{ path: '', message: 'must have exactly one of message_offset and timestamp, not both' }] }
 */
export function validateResetRequest(body: unknown): ValidationResult {
  if (validateResetMessageOffsetRequestSchema(body)) return { valid: true };
  // ajv's "must be object" is right but says less than this.
  return {
    valid: false,
    errors: isObject(body)
      ? collect(validateResetMessageOffsetRequestSchema, body)
      : [{ path: '', message: 'must be a JSON object' }],
  };
}

/** Type guard: `body` is a `ResetMessageOffsetRequest` the contract accepts. */
export function isResetRequest(body: unknown): body is ResetMessageOffsetRequest {
  return validateResetMessageOffsetRequestSchema(body);
}

/** Validates an error response body against the spec's `Error` schema. */
export function validateErrorBody(body: unknown): ValidationResult {
  return result(validateErrorSchema(body) ? [] : collect(validateErrorSchema, body));
}

/** A violation found in a request body, marked as such (a RequestViolation of the errors module). */
export interface BodyViolation extends Violation {
  readonly in: 'body';
}

// The body's integer fields, which JSON carries as numbers.
const INTEGER_FIELDS = ['partition', 'message_offset', 'timestamp'] as const;

// What would not reach the server as written: a fraction, NaN or Infinity (JSON has no such integer),
// an integer beyond 2^53 - 1 (rounded on the way), a bigint (JSON.stringify throws on it).
function notSafeInteger(value: unknown): boolean {
  return typeof value === 'bigint' || (typeof value === 'number' && !Number.isSafeInteger(value));
}

/**
 * A body's violations: the spec's schema with `validate` (the default); without, only what JSON would
 * round or lose (a fraction, NaN, Infinity, a bigint, an integer beyond 2^53 - 1). Anything but an
 * object is refused either way.
 *
 * @example
 * bodyViolations({ topic: 'orders', message_offset: 1.5 }, false);
 * // [{ in: 'body', path: '/message_offset', message: 'must be a safe integer' }]
 */
export function bodyViolations(body: unknown, validate = true): BodyViolation[] {
  if (!validate && isObject(body)) {
    return INTEGER_FIELDS.filter((name) => notSafeInteger(body[name])).map((name) => ({
      in: 'body',
      path: `/${name}`,
      message: 'must be a safe integer',
    }));
  }
  const contract = validateResetRequest(body);
  return contract.valid ? [] : contract.errors.map((error) => ({ in: 'body', ...error }));
}

/** The path parameters as they appear in the spec (wire names). */
export interface PathParams {
  readonly project_id: string;
  readonly instance_id: string;
  readonly group: string;
}

const PATH_RULES: Readonly<Record<keyof PathParams, readonly [CompiledValidator, string]>> = {
  project_id: [validateProjectIdSchema, 'must be 32 lowercase hex digits'],
  instance_id: [validateInstanceIdSchema, 'must be a UUID (8-4-4-4-12 hex digits)'],
  group: [validateGroupSchema, "must not be empty, '.', '..' or hold control characters"],
};

/** The spec's verdict on one path parameter: why it breaks the contract, or undefined. */
export function pathParamViolation(name: keyof PathParams, value: unknown): string | undefined {
  const [validate, message] = PATH_RULES[name];
  return validate(value) ? undefined : message;
}

/**
 * Validates the path parameters; violations have paths such as `/group`.
 *
 * @example
 * validatePathParams({ project_id: 'x', instance_id: '...', group: '..' }).valid; // false
 */
export function validatePathParams(params: PathParams): ValidationResult {
  return result(
    (Object.keys(PATH_RULES) as Array<keyof PathParams>).flatMap((name) => {
      const message = pathParamViolation(name, params[name]);
      return message === undefined ? [] : [{ path: `/${name}`, message }];
    }),
  );
}

export type { ErrorBody, ResetMessageOffsetRequest };
