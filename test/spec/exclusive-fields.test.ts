// The exactly-one rule in the generated types: each branch of an exclusive oneOf gets the other
// branches' fields as `?: never` (scripts/exclusive-fields.mjs). That both fields and neither field are
// compile errors through generated/schema.d.ts is test/types/request-body.test-d.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript build script without type declarations
import { forbiddenFields } from '../../scripts/exclusive-fields.mjs';
import { spec } from '../support/spec.js';

type Schema = Record<string, unknown>;
const forbidden = forbiddenFields as (schemas: Record<string, unknown>) => Record<string, string[]>;

describe('forbiddenFields', () => {
  const closed = (...fields: string[]): Schema => ({
    type: 'object',
    additionalProperties: false,
    required: fields,
    properties: Object.fromEntries(fields.map((f) => [f, { type: 'integer' }])),
  });
  const oneOf = (...names: string[]) => ({ oneOf: names.map((n) => ({ $ref: `#/components/schemas/${n}` })) });

  it("names, for each branch of the spec's request oneOf, the other branch's field", () => {
    expect(forbidden(spec.components.schemas)).toEqual({
      ResetByOffset: ['timestamp'],
      ResetByTimestamp: ['message_offset'],
    });
  });

  it('covers every other branch, each field once', () => {
    expect(
      forbidden({ R: oneOf('A', 'B', 'C'), A: closed('t', 'a'), B: closed('t', 'b'), C: closed('t', 'c', 'a') }),
    ).toEqual({ A: ['b', 'c'], B: ['a', 'c'], C: ['b'] });
  });

  it('leaves branches alone that would accept the field anyway (open, patternProperties, inline)', () => {
    expect(
      forbidden({ R: oneOf('A', 'B'), A: closed('a'), B: { ...closed('b'), additionalProperties: true } }),
    ).toEqual({});
    expect(
      forbidden({ R: oneOf('A', 'B'), A: closed('a'), B: { ...closed('b'), patternProperties: { x: {} } } }),
    ).toEqual({});
    expect(forbidden({ R: { oneOf: [closed('a'), closed('b')] } })).toEqual({});
  });

  it('is what generated/schema.d.ts carries', () => {
    const types = readFileSync(new URL('../../generated/schema.d.ts', import.meta.url), 'utf8');
    for (const [branch, fields] of Object.entries(forbidden(spec.components.schemas))) {
      const body = new RegExp(`\\n {8}${branch}: \\{\\n([\\s\\S]*?)\\n {8}\\};`).exec(types)?.[1] ?? '';
      for (const field of fields) expect(body, branch).toContain(`${field}?: never;`);
    }
  });
});
