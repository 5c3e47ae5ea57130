// The precompiled path-parameter validators that ship against an Ajv2020 compiled from the spec as
// written (with ajv-formats, and without the generator's options): the verdicts are the spec's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateGroupSchema, validateInstanceIdSchema, validateProjectIdSchema } from '../../generated/validators.js';
import { schemaValidator } from '../support/ajv.js';

const SHIPPED = {
  ProjectId: validateProjectIdSchema,
  InstanceId: validateInstanceIdSchema,
  Group: validateGroupSchema,
} as const;

const VALUES: readonly unknown[] = [
  '',
  '.',
  '..',
  '...',
  '.a',
  'a.',
  '..a',
  'a..',
  './',
  '/..',
  '. ',
  ' .',
  '\u0000',
  '.\u0000',
  'a\nb',
  '\u007f',
  'del\u007f',
  'orders-consumer',
  'Gruppe-ü-主',
  'team/a',
  'a b?c#d%e',
  '\uD800',
  'a\uDC00',
  '😀',
  'a4a5d4098fb4474fa22cd05f897d6b99',
  'A4A5D4098FB4474FA22CD05F897D6B99',
  '5d5ab6a3-cf61-4b3c-9a4c-f3f1e3a0b8c2',
  '5D5AB6A3-CF61-4B3C-9A4C-F3F1E3A0B8C2',
  '5d5ab6a3-cf61-4b3c-9a4c-f3f1e3a0b8c2\n',
  'urn:uuid:5d5ab6a3-cf61-4b3c-9a4c-f3f1e3a0b8c2',
  0,
  1,
  null,
  true,
  [],
  {},
  ['.'],
  { enum: '.' },
];

describe.each(Object.entries(SHIPPED))('%s: the shipped validator and the spec agree', (name, shipped) => {
  const fromSpec = schemaValidator(name);

  it.each(VALUES.map((value) => [JSON.stringify(value) ?? String(value), value]))('on %s', (_label, value) => {
    expect(shipped(value)).toBe(fromSpec(value));
  });

  it('on 5 000 generated strings (dots, controls, surrogates, hex and dashes weighted in)', () => {
    const unit = fc.oneof(
      fc.constantFrom('.', '-', 'a', 'F', '0', '\u0000', '\u001f', '\u007f', '\n', '\uD800'),
      fc.string({ unit: 'binary', maxLength: 1 }),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit, maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 40 })),
        (value) => shipped(value) === fromSpec(value),
      ),
      { numRuns: 5000 },
    );
  });
});
