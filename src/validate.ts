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

// ajv's English is left out of the generated code (messages: false); its wording, for the keywords the
// spec uses, is rebuilt here from the keyword and its params.
function message({ keyword, params }: AjvError): string {
  return keyword === 'type'
    ? `must be ${params['type']}`
    : keyword === 'required'
      ? `must have required property '${params['missingProperty']}'`
      : keyword === 'minLength'
        ? `must NOT have fewer than ${params['limit']} characters`
        : params['comparison'] // minimum, maximum
          ? `must be ${params['comparison']} ${params['limit']}`
          : keyword === 'additionalProperties'
            ? 'is not a property of this request'
            : // The request's oneOf (compiled flat, see scripts/validators.mjs): both branches pass, or none.
              keyword === 'oneOf'
              ? `must have exactly one of message_offset and timestamp${params['passingSchemas'] ? ', not both' : ''}`
              : `must satisfy ${keyword}`;
}

function collect(validate: CompiledValidator, value: unknown): Violation[] {
  validate(value);
  return (validate.errors ?? []).flatMap((error) => {
    const { instancePath, keyword, params } = error;
    const name = params['additionalProperty'];
    // The unknown property itself is the place to point at (JSON Pointer escaping: ~ then /).
    const path =
      name === undefined
        ? instancePath
        : `${instancePath}/${(name as string).replaceAll('~', '~0').replaceAll('/', '~1')}`;
    // "message_offset/timestamp is required" is the oneOf's inner view of "neither": said once, by the oneOf.
    return keyword === 'required' &&
      (params['missingProperty'] === 'message_offset' || params['missingProperty'] === 'timestamp')
      ? []
      : [{ path, message: message(error) }];
  });
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
