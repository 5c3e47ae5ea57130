// Compiles the spec's schemas into standalone ajv validation code: no schema compilation at import
// time and, with the options below, no runtime imports at all (the client's bundle stays small).
// Shared by scripts/generate.mjs and the tests that check the generated code's verdicts.
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { isDeepStrictEqual } from 'node:util';

export const SCHEMA_ID = 'https://dms-kafka-reset-offset.invalid/schemas.json';

/**
 * The validators the package exports, by function name -> component schema name. Not the oneOf's two
 * branches: the request validator already holds a copy of each, and its errors name both.
 */
export const VALIDATORS = {
  validateResetMessageOffsetRequestSchema: 'ResetMessageOffsetRequest',
  validateErrorSchema: 'Error',
  validateProjectIdSchema: 'ProjectId',
  validateInstanceIdSchema: 'InstanceId',
  validateGroupSchema: 'Group',
};

/** The spec's component schemas as one JSON Schema document, refs pointed at its $defs. */
export function schemaDocument(spec) {
  const json = JSON.stringify(spec.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/');
  return { $id: SCHEMA_ID, $defs: JSON.parse(json) };
}

const ANNOTATIONS = new Set(['title', 'description', 'examples', 'default', 'format']);
const SCHEMA_MAPS = new Set(['properties', '$defs', 'patternProperties', 'dependentSchemas']);

/**
 * A copy of a schema without annotation keywords. ajv standalone inlines every schema object it
 * compiles, so descriptions and examples would otherwise ship in the client's bundle; they never change
 * a verdict (format is among them because every format here is bound by minimum/maximum/pattern).
 */
export function stripAnnotations(schema) {
  if (Array.isArray(schema)) return schema.map(stripAnnotations);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (key === 'enum' || key === 'const' || key === 'required') out[key] = value;
    else if (SCHEMA_MAPS.has(key))
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripAnnotations(v)]));
    else out[key] = stripAnnotations(value);
  }
  return out;
}

/**
 * The request body's `oneOf` of exclusive branches, compiled in an equivalent flat form:
 *
 *   oneOf: [ByOffset, ByTimestamp]          ->  type: object, additionalProperties: false,
 *   (each an object with the shared fields,      properties: every field of either branch,
 *    its own required field, and the other        required: the shared required fields,
 *    branch's own field declared `false`)         oneOf: [{required: [message_offset]}, {required: [timestamp]}]
 *
 * The verdicts are the same (a body passes a branch iff it has the shared fields right, its own field
 * right, and not the other's: exactly one own field present, each field right), but each field is
 * checked once instead of once per branch, and a failure says "both" or "neither" once instead of
 * reporting every branch's view of it: the generated code is half the size. Every condition the
 * equivalence rests on is checked here, and the tests compare the verdicts with an Ajv2020 compiled
 * from the spec as written. Any other shape is left as it is.
 */
export function flattenExclusiveOneOf(schema, defs) {
  const refs = schema.oneOf;
  if (Object.keys(schema).length !== 1 || !Array.isArray(refs) || refs.length < 2) return schema;
  const branches = refs.map((ref) => {
    const name =
      Object.keys(ref).length === 1 && typeof ref.$ref === 'string' ? ref.$ref.replace('#/$defs/', '') : undefined;
    return name === undefined ? undefined : defs[name];
  });
  const plainObject = (b) =>
    b &&
    b.type === 'object' &&
    b.additionalProperties === false &&
    Array.isArray(b.required) &&
    b.properties &&
    Object.keys(b).every((k) => ['type', 'required', 'additionalProperties', 'properties'].includes(k));
  if (!branches.every(plainObject)) return schema;
  // In the first branch's order: ajv checks (and reports) properties in the order they are declared.
  const fields = Object.keys(branches[0].properties);
  // Each branch's own field: required there, and declared `false` in every other branch.
  const own = branches.map((b, i) => {
    const mine = b.required.filter(
      (f) => b.properties[f] !== false && branches.every((o, j) => j === i || o.properties[f] === false),
    );
    return mine.length === 1 ? mine[0] : undefined;
  });
  const shared = branches[0].required.filter((f) => f !== own[0]).sort();
  const properties = {};
  for (const f of fields) properties[f] = branches[own.indexOf(f) === -1 ? 0 : own.indexOf(f)].properties[f];
  const equivalent =
    own.every((f) => f !== undefined) &&
    new Set(own).size === own.length &&
    branches.every(
      (b, i) =>
        isDeepStrictEqual(Object.keys(b.properties).sort(), [...fields].sort()) &&
        isDeepStrictEqual(b.required.filter((f) => f !== own[i]).sort(), shared) &&
        fields.every((f) =>
          own.includes(f) && f !== own[i]
            ? b.properties[f] === false
            : isDeepStrictEqual(b.properties[f], properties[f]),
        ),
    );
  if (!equivalent) return schema;
  return {
    type: 'object',
    required: shared,
    additionalProperties: false,
    properties,
    // Each subschema declares its field (as `true`: no constraint) so that ajv's strictRequired holds.
    oneOf: own.map((f) => ({ required: [f], properties: { [f]: true } })),
  };
}

/**
 * `not: {enum: [strings]}` beside an anchored `pattern`, compiled as one pattern with a negative
 * lookahead: `^(?!(?:\.|\.\.)$)` + the rest of the pattern. For a string the verdict is the same (the
 * lookahead at position 0 refuses exactly the listed strings, and `$` without the m flag is the end of
 * input); anything else fails `type: string` either way. ajv's code for `not` is three times that of a
 * pattern. Other schemas are returned as they are.
 */
export function foldNotEnumIntoPattern(schema) {
  const { not, pattern, type } = schema;
  const literals = not?.enum;
  if (
    type !== 'string' ||
    typeof pattern !== 'string' ||
    !pattern.startsWith('^') ||
    Object.keys(not ?? {}).length !== 1
  )
    return schema;
  if (!Array.isArray(literals) || !literals.every((l) => typeof l === 'string')) return schema;
  const escaped = literals.map((l) => l.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));
  const { not: _folded, ...rest } = schema;
  return { ...rest, pattern: `^(?!(?:${escaped.join('|')})$)${pattern.slice(1)}` };
}

/**
 * Keywords whose meaning is the same in JSON Schema draft-07 and 2020-12 (OpenAPI 3.1's dialect).
 * The code is generated by ajv's draft-07 engine: Ajv2020 always adds bookkeeping for
 * unevaluatedProperties and $dynamicRef (about a tenth of the output) that these schemas never need.
 * A schema using any other keyword (prefixItems, unevaluated*, $dynamicRef, dependentSchemas ...) stops
 * generation here instead of being judged by the wrong draft.
 */
const SAME_IN_BOTH_DRAFTS = new Set([
  '$id',
  '$defs',
  '$ref',
  'type',
  'enum',
  'const',
  'not',
  'oneOf',
  'anyOf',
  'allOf',
  'required',
  'properties',
  'additionalProperties',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'minProperties',
  'maxProperties',
]);

/** Throws unless every keyword of `schema` (annotations stripped) is in SAME_IN_BOTH_DRAFTS. */
export function assertDraftNeutral(schema, at = '#') {
  if (typeof schema === 'boolean') return;
  for (const [key, value] of Object.entries(schema)) {
    if (!SAME_IN_BOTH_DRAFTS.has(key))
      throw new Error(`${at}: keyword ${key} is not known to mean the same in draft-07 and 2020-12`);
    // A $ref beside other keywords is ignored by draft-07 but applied by 2020-12.
    if (key === '$ref' && Object.keys(schema).length > 1) throw new Error(`${at}: $ref with sibling keywords`);
    if (key === '$defs' || key === 'properties')
      for (const [k, v] of Object.entries(value)) assertDraftNeutral(v, `${at}/${key}/${k}`);
    else if (Array.isArray(value) && (key === 'oneOf' || key === 'anyOf' || key === 'allOf'))
      value.forEach((v, i) => assertDraftNeutral(v, `${at}/${key}/${i}`));
    else if (key === 'not' || key === 'additionalProperties') assertDraftNeutral(value, `${at}/${key}`);
  }
}

/**
 * The ajv instance every verdict comes from (draft-07 engine, see SAME_IN_BOTH_DRAFTS; the tests
 * compare its verdicts with an Ajv2020 compiled from the spec). strict: unknown keywords are errors.
 * formats: the spec's int32/int64/uuid formats are already bound by minimum/maximum/pattern, so they are
 * declared known and add no code. unicode: false keeps ajv's ucs2length helper out of the output
 * (minLength 1 is the only length rule, and one UTF-16 unit is non-empty either way). messages: false
 * leaves ajv's English out of the bundle; src/validate.ts words each error from its keyword and params.
 */
export function createAjv(options = {}) {
  return new Ajv.default({
    logger: quietLogger,
    strict: true,
    allErrors: true,
    unicode: false,
    messages: false,
    formats: { int32: true, int64: true, uuid: true },
    ...options,
  });
}

// ajv marks `unicode` deprecated but it is still the switch that keeps ucs2length out; drop that notice only.
const quietLogger = {
  log: console.log,
  warn: (msg, ...rest) => {
    if (!String(msg).startsWith('DEPRECATED: option unicode')) console.warn(msg, ...rest);
  },
  error: console.error,
};

/**
 * Leaves out of ajv's standalone code what nothing reads and a bundler cannot drop by itself. Each step
 * checks that it found what it expects and that nothing of it is left, so an ajv upgrade that changes the
 * output stops generation instead of slipping through:
 * - `schemaPath` in every error object (messages come from keyword and params, places from instancePath);
 * - `export const name = validateN;` aliases, which bundlers keep as a variable: exported by name instead;
 * - the `parentData`, `parentDataProperty` and `rootData` parameters, unused by these schemas (no $data).
 */
export function tidyStandaloneCode(code) {
  const steps = [
    [/,schemaPath:"(?:[^"\\]|\\.)*"/g, '', /\bschemaPath\b/],
    [/^export const (\w+) = (validate\d+);$/gm, 'export { $2 as $1 };', /^export const /m],
    [
      /\{instancePath="", parentData, parentDataProperty, rootData=data\}=\{\}/g,
      '{instancePath=""}={}',
      /\b(parentData|parentDataProperty|rootData)\b/,
    ],
  ];
  for (const [find, replacement, leftover] of steps) {
    const tidied = code.replace(find, replacement);
    if (tidied === code) throw new Error(`ajv standalone output has no ${find}: review tidyStandaloneCode`);
    code = tidied;
    if (leftover.test(code))
      throw new Error(`ajv standalone output still has ${leftover} after tidying: review tidyStandaloneCode`);
  }
  return code;
}

export function buildValidatorsModule(spec) {
  const ajv = createAjv({ code: { source: true, esm: true, lines: true } });
  const document = stripAnnotations(schemaDocument(spec));
  for (const [name, schema] of Object.entries(document.$defs)) document.$defs[name] = foldNotEnumIntoPattern(schema);
  const request = document.$defs[VALIDATORS.validateResetMessageOffsetRequestSchema];
  document.$defs[VALIDATORS.validateResetMessageOffsetRequestSchema] = flattenExclusiveOneOf(request, document.$defs);
  if (document.$defs[VALIDATORS.validateResetMessageOffsetRequestSchema] === request) {
    throw new Error(
      'ResetMessageOffsetRequest is no longer a oneOf of exclusive object branches: review flattenExclusiveOneOf and src/validate.ts',
    );
  }
  assertDraftNeutral(document);
  ajv.addSchema(document);
  const refs = Object.fromEntries(Object.entries(VALIDATORS).map(([fn, name]) => [fn, `${SCHEMA_ID}#/$defs/${name}`]));
  const code = tidyStandaloneCode(standaloneCode(ajv, refs));
  if (/\brequire\(/.test(code)) throw new Error('ajv standalone output needs a runtime import; adjust the options');
  const header =
    '// Generated by scripts/generate.mjs from openapi/openapi.yaml (ajv standalone). Do not edit.\n' +
    `// Contract version ${spec.info.version}.\n`;
  const dts =
    header +
    'export interface AjvError {\n  instancePath: string;\n  keyword: string;\n' +
    '  params: Record<string, unknown>;\n}\n' +
    'export interface CompiledValidator {\n  (data: unknown): boolean;\n  errors?: AjvError[] | null;\n}\n' +
    Object.entries(VALIDATORS)
      .map(
        ([fn, name]) =>
          `/** Validates against components.schemas.${name}. */\nexport declare const ${fn}: CompiledValidator;\n`,
      )
      .join('');
  return { js: header + code + '\n', dts };
}
