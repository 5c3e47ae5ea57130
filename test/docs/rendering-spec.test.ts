// The docs page renders a copy of the bundled spec (scripts/docs-rendering.mjs) in a form Redoc reads
// right. It must mean the same: the same verdict for every body of the corpus, and for the error body.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { renderingSpec } from '../../scripts/docs-rendering.mjs';
import { BODY_CASES } from '../fixtures/request-bodies.js';
import { spec } from '../support/spec.js';

interface Rendering {
  spec: typeof spec;
  dropped: string[];
}
const render = renderingSpec as (input: unknown) => Rendering;

function validatorOf(document: typeof spec, name: string) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  const id = 'https://dms-kafka-reset-offset.invalid/rendering.json';
  ajv.addSchema({
    $id: id,
    $defs: JSON.parse(JSON.stringify(document.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/')),
  });
  const validate = ajv.getSchema(`${id}#/$defs/${name}`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate;
}

describe('the spec copy the docs page renders', () => {
  const rendering = render(spec);

  it('drops exactly the explicit additionalProperties: true (the spec lists no forbidden-field schema)', () => {
    expect(rendering.dropped.sort()).toEqual(['/components/schemas/ErrorBody/additionalProperties']);
    const fields = (document: typeof spec, name: string) =>
      Object.keys((document.components.schemas[name] as { properties: object }).properties);
    expect(fields(rendering.spec, 'ResetByOffset')).toEqual(['topic', 'partition', 'message_offset']);
    expect(fields(rendering.spec, 'ResetByTimestamp')).toEqual(['topic', 'partition', 'timestamp']);
    // The bundled spec itself is untouched.
    expect((spec.components.schemas['ErrorBody'] as { additionalProperties?: unknown }).additionalProperties).toBe(
      true,
    );
  });

  it('gives every body of the corpus the verdict of the bundled spec', () => {
    const original = validatorOf(spec, 'ResetMessageOffsetRequest');
    const rendered = validatorOf(rendering.spec, 'ResetMessageOffsetRequest');
    for (const { name, body, valid } of BODY_CASES) {
      expect(original(body), name).toBe(valid);
      expect(rendered(body), name).toBe(valid);
    }
  });

  it('still accepts error bodies with fields of their own', () => {
    const rendered = validatorOf(rendering.spec, 'ErrorBody');
    expect(rendered({ error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information.', x: 1 })).toBe(
      true,
    );
    expect(rendered({ error_msg: 'no code' })).toBe(false);
  });

  it('refuses to drop a false property that an open object would otherwise allow', () => {
    const open = { components: { schemas: { A: { type: 'object', properties: { a: false } } } } };
    expect(() => render(open)).toThrow(/allows other properties/);
  });
});
