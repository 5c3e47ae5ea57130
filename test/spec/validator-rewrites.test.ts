// The one rewrite scripts/validators.mjs applies before compiling, the flat form of the request's
// exactly-one oneOf (each field checked once, "both" or "neither" said once), fires only on the shape
// whose equivalence it rests on; anything else is compiled as written. That the verdicts did not move
// is checked against the spec itself in test/contract.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript build script without type declarations
import { flattenExclusiveOneOf } from '../../scripts/validators.mjs';

type Schema = Record<string, unknown>;
const flatten = flattenExclusiveOneOf as (schema: Schema, defs: Record<string, Schema>) => Schema;

describe('flattenExclusiveOneOf', () => {
  const int = { type: 'integer', minimum: 0 };
  const defs = (a: Schema, b: Schema) => ({ A: a, B: b });
  const branch = (own: string, other: string, extra: Schema = {}): Schema => ({
    type: 'object',
    required: ['topic', own],
    additionalProperties: false,
    properties: { topic: { type: 'string' }, [own]: int, [other]: false },
    ...extra,
  });
  const oneOf = { oneOf: [{ $ref: '#/$defs/A' }, { $ref: '#/$defs/B' }] };

  const flat = {
    type: 'object',
    required: ['topic'],
    additionalProperties: false,
    properties: { topic: { type: 'string' }, x: int, y: int },
    oneOf: [
      { required: ['x'], properties: { x: true } },
      { required: ['y'], properties: { y: true } },
    ],
  };
  /** A branch that does not list the other's field (its additionalProperties: false refuses it), as the spec does. */
  const closedBranch = (own: string, other: string): Schema => {
    const b = branch(own, other);
    const properties = { ...(b['properties'] as Schema) };
    delete properties[other];
    return { ...b, properties };
  };

  it('flattens two exclusive branches that do not list the other field', () => {
    expect(flatten(oneOf, defs(closedBranch('x', 'y'), closedBranch('y', 'x')))).toEqual(flat);
  });

  it('flattens two exclusive branches that list the other field as false, and a mix of both forms', () => {
    expect(flatten(oneOf, defs(branch('x', 'y'), branch('y', 'x')))).toEqual(flat);
    expect(flatten(oneOf, defs(closedBranch('x', 'y'), branch('y', 'x')))).toEqual(flat);
  });

  it.each([
    [
      'a branch that does not forbid the other field',
      defs(branch('x', 'y'), { ...branch('y', 'x'), properties: { topic: { type: 'string' }, y: int, x: int } }),
    ],
    [
      'shared fields that differ',
      defs(branch('x', 'y'), { ...branch('y', 'x'), properties: { topic: { type: 'integer' }, y: int, x: false } }),
    ],
    ['different shared required fields', defs(branch('x', 'y'), { ...branch('y', 'x'), required: ['y'] })],
    ['a branch with another keyword', defs(branch('x', 'y', { minProperties: 2 }), branch('y', 'x'))],
    ['a branch that allows other properties', defs(branch('x', 'y', { additionalProperties: true }), branch('y', 'x'))],
    [
      'an optional field only one branch lists (the flat form would allow it in both)',
      defs(
        { ...closedBranch('x', 'y'), properties: { topic: { type: 'string' }, x: int, z: int } },
        closedBranch('y', 'x'),
      ),
    ],
    [
      'a false schema for a field that is no branch own field',
      defs(
        { ...branch('x', 'y'), properties: { topic: { type: 'string' }, x: int, y: false, z: false } },
        branch('y', 'x'),
      ),
    ],
    [
      'branches whose own fields are not refused by the other (not listed, but open)',
      defs(closedBranch('x', 'y'), { ...closedBranch('y', 'x'), additionalProperties: true }),
    ],
  ])('leaves %s alone', (_name, d) => {
    expect(flatten(oneOf, d)).toBe(oneOf);
  });

  it('leaves a oneOf with siblings or inline branches alone', () => {
    const withSibling = { ...oneOf, description: 'x' };
    expect(flatten(withSibling, defs(branch('x', 'y'), branch('y', 'x')))).toBe(withSibling);
    const inline = { oneOf: [branch('x', 'y'), branch('y', 'x')] };
    expect(flatten(inline, {})).toBe(inline);
  });
});
