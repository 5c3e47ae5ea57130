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
  | { readonly valid: true }
  | { readonly valid: false; readonly errors: readonly Violation[] };

const VALID: ValidationResult = Object.freeze({ valid: true });

const result = (errors: Violation[]): ValidationResult => (errors.length === 0 ? VALID : { valid: false, errors });

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ajv's English is left out of the generated code (messages: false); its wording, for the keywords the
// spec uses, is rebuilt here from the keyword and its params.
function message({ keyword, params }: AjvError): string {
  switch (keyword) {
    case 'type':
      return `must be ${params['type']}`;
    case 'required':
      return `must have required property '${params['missingProperty']}'`;
    case 'minLength':
      return `must NOT have fewer than ${params['limit']} characters`;
    case 'minimum':
    case 'maximum':
      return `must be ${params['comparison']} ${params['limit']}`;
    case 'additionalProperties':
      return 'is not a property of this request';
    case 'false schema':
      return 'must not be sent';
  }
  return `must match the schema's ${keyword}`;
}

function collect(validate: CompiledValidator, value: unknown, skip: (e: AjvError) => boolean = () => false): Violation[] {
  validate(value);
  const out: Violation[] = [];
  for (const error of validate.errors ?? []) {
    const name = error.params['additionalProperty'];
    // The unknown property itself is the place to point at (JSON Pointer escaping: ~ then /).
    const path = name === undefined ? error.instancePath : `${error.instancePath}/${String(name).replaceAll('~', '~0').replaceAll('/', '~1')}`;
    const text = message(error);
    // Both branches of the oneOf report what they share (topic, partition, unknown fields): once is enough.
    if (!skip(error) && !out.some((v) => v.path === path && v.message === text)) out.push({ path, message: text });
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
  if (!isObject(body)) return { valid: false, errors: [{ path: '', message: 'must be a JSON object' }] };
  const both = body['message_offset'] !== undefined && body['timestamp'] !== undefined;
  const neither = body['message_offset'] === undefined && body['timestamp'] === undefined;
  // The schema is a oneOf of two branches, and ajv reports against both. Report against the branch
  // the caller evidently meant (the offset branch when both or neither are given): the presence of the
  // two fields is said once, above the rest, and a field given twice is judged as message_offset.
  let errors = collect(
    validateResetMessageOffsetRequestSchema,
    body,
    ({ keyword, params, instancePath }) =>
      keyword === 'oneOf' ||
      keyword === 'false schema' ||
      (keyword === 'required' && params['missingProperty'] !== 'topic') ||
      (both && instancePath === '/timestamp'),
  );
  if (both || neither) errors.unshift({ path: '', message: `must have exactly one of message_offset and timestamp${both ? ', not both' : ''}` });
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
  return validateErrorSchema(body) ? VALID : result(collect(validateErrorSchema, body));
}

/** The path parameters as they appear in the spec (wire names). */
export interface PathParams {
  readonly project_id: string;
  readonly instance_id: string;
  readonly group: string;
}

const PATH_RULES: Readonly<Record<keyof PathParams, readonly [CompiledValidator, string]>> = {
  project_id: [validateProjectIdSchema, 'must be 32 lowercase hexadecimal characters'],
  instance_id: [validateInstanceIdSchema, 'must be a UUID (8-4-4-4-12 hexadecimal digits)'],
  group: [validateGroupSchema, "must be a non-empty string without control characters, and not '.' or '..'"],
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
