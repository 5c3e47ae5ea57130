// Compiles the spec's schemas into standalone ajv validation code: no schema compilation at import
// time and, with the options below, no runtime imports at all (the client's bundle stays small).
// Shared by scripts/generate.mjs and the tests that check the generated code's verdicts.
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { isDeepStrictEqual } from 'node:util';

export const SCHEMA_ID = 'https://dms-kafka-reset-offset.invalid/schemas.json';

/**
 * The validators the package exports, by function name -> component schema name. Not the oneOf's two
 * branches: the request validator already holds a copy of each, and its errors name both.
 */
export const VALIDATORS = {
  validateResetMessageOffsetRequestSchema: 'ResetMessageOffsetRequest',
  validateErrorSchema: 'ErrorBody',
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
 *   (each a closed object with the shared        properties: every field of either branch,
 *    fields and its own required field; the       required: the shared required fields,
 *    other branch's own field not listed, or      oneOf: [{required: [message_offset]}, {required: [timestamp]}]
 *    listed as `false`)
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
  // A branch refuses a field it does not list (it is closed) or lists as `false`.
  const listed = (b) => Object.keys(b.properties).filter((f) => b.properties[f] !== false);
  const refuses = (b, f) => !Object.hasOwn(b.properties, f) || b.properties[f] === false;
  // In the first branch's order, then the others': ajv checks (and reports) properties in declared order.
  const fields = [...new Set(branches.flatMap(listed))];
  // Each branch's own field: required and listed there, refused by every other branch.
  const own = branches.map((b, i) => {
    const mine = b.required.filter((f) => listed(b).includes(f) && branches.every((o, j) => j === i || refuses(o, f)));
    return mine.length === 1 ? mine[0] : undefined;
  });
  const sharedFields = fields.filter((f) => !own.includes(f));
  const shared = branches[0].required.filter((f) => f !== own[0]).sort();
  const properties = {};
  for (const f of fields) properties[f] = branches[own.includes(f) ? own.indexOf(f) : 0].properties[f];
  const equivalent =
    own.every((f) => f !== undefined) &&
    new Set(own).size === own.length &&
    branches.every(
      (b, i) =>
        isDeepStrictEqual(listed(b).sort(), [...sharedFields, own[i]].sort()) &&
        Object.keys(b.properties).every((f) => b.properties[f] !== false || own.includes(f)) &&
        isDeepStrictEqual(b.required.filter((f) => f !== own[i]).sort(), shared) &&
        sharedFields.every((f) => isDeepStrictEqual(b.properties[f], properties[f])),
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
 * The ajv instance every verdict comes from: Ajv2020, the dialect of OpenAPI 3.1 schemas.
 * strict: unknown keywords are errors. The options that shape the output each keep a guarantee:
 * - formats: the spec's int32/int64/uuid formats are already bound by minimum/maximum/pattern, so they
 *   are declared known: the output then needs no ajv-formats at run time (openapi-fetch stays the
 *   client's only runtime dependency);
 * - unicode: false: with it, minLength/maxLength need ajv's ucs2length helper, imported at run time from
 *   ajv (the same dependency cost); lengths are then counted in UTF-16 units, not code points. The verdict
 *   is the same: the only minLength is 1 (one UTF-16 unit is non-empty either way), and every maxLength
 *   (project ID, instance ID, topic) sits beside a pattern or `not` that refuses anything but ASCII,
 *   where the two counts are equal;
 * - messages: false: ajv's English stays out; src/validate.ts words each error from its keyword and params.
 */
export function createAjv(options = {}) {
  return new Ajv2020({
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

/** The module file of each exported validator, under generated/validators/. */
export function validatorFile(fn) {
  return `${fn.replace(/^validate|Schema$/g, '').replace(/[A-Z]/g, (c, i) => (i === 0 ? '' : '-') + c.toLowerCase())}.js`;
}

/**
 * The generated validator modules, by path relative to generated/: one module per exported validator
 * (`validators/<name>.js`) and a barrel (`validators.js`, `.d.ts`) that re-exports them. One module each
 * because ajv's standalone code sets a property on every validator function at the top level, which a
 * bundler must keep: in one shared module, a bundle that calls one validator would carry them all.
 */
export function buildValidatorModules(spec) {
  const ajv = createAjv({ code: { source: true, esm: true, lines: true } });
  const document = stripAnnotations(schemaDocument(spec));
  const request = document.$defs[VALIDATORS.validateResetMessageOffsetRequestSchema];
  document.$defs[VALIDATORS.validateResetMessageOffsetRequestSchema] = flattenExclusiveOneOf(request, document.$defs);
  if (document.$defs[VALIDATORS.validateResetMessageOffsetRequestSchema] === request) {
    throw new Error(
      'ResetMessageOffsetRequest is no longer a oneOf of exclusive object branches: review flattenExclusiveOneOf and src/validate.ts',
    );
  }
  ajv.addSchema(document);
  const header =
    '// Generated by scripts/generate.mjs from openapi/openapi.yaml (ajv standalone). Do not edit.\n' +
    `// Contract version ${spec.info.version}.\n`;
  const files = {};
  for (const [fn, name] of Object.entries(VALIDATORS)) {
    const code = standaloneCode(ajv, { [fn]: `${SCHEMA_ID}#/$defs/${name}` });
    if (/\brequire\(|^\s*import\s/m.test(code))
      throw new Error('ajv standalone output needs a runtime import; adjust the options');
    files[`validators/${validatorFile(fn)}`] = header + code + '\n';
  }
  files['validators.js'] =
    header +
    Object.keys(VALIDATORS)
      .map((fn) => `export { ${fn} } from './validators/${validatorFile(fn)}';\n`)
      .join('');
  files['validators.d.ts'] =
    header +
    'export interface AjvError {\n  instancePath: string;\n  schemaPath: string;\n  keyword: string;\n' +
    '  params: Record<string, unknown>;\n}\n' +
    'export interface CompiledValidator {\n  (data: unknown): boolean;\n  errors?: AjvError[] | null;\n}\n' +
    Object.entries(VALIDATORS)
      .map(
        ([fn, name]) =>
          `/** Validates against components.schemas.${name}. */\nexport declare const ${fn}: CompiledValidator;\n`,
      )
      .join('');
  return files;
}
