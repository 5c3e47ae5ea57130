// Every pattern of the bundled spec means the same in every regex engine (test/contract's Python test
// shows it for our identifiers and names with one non-JavaScript engine): no `\u` escapes (Go's RE2
// rejects them), and a `$` anchor only where the schema's maxLength already equals the length of every
// match, so that Python's and Java's `$`, which also match before a final newline, cannot let
// `value\n` through.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spec } from '../support/spec.js';

interface Found {
  where: string;
  schema: Record<string, unknown>;
  pattern: string;
}

function patterns(node: unknown, where = '#', found: Found[] = []): Found[] {
  if (Array.isArray(node)) node.forEach((item, i) => patterns(item, `${where}/${i}`, found));
  else if (node !== null && typeof node === 'object') {
    const schema = node as Record<string, unknown>;
    if (typeof schema['pattern'] === 'string') found.push({ where, schema, pattern: schema['pattern'] });
    for (const [key, value] of Object.entries(schema))
      if (key !== 'examples' && key !== 'example') patterns(value, `${where}/${key}`, found);
  }
  return found;
}

const FOUND = patterns(spec);

describe('the spec’s patterns are portable', () => {
  it('has patterns to check', () => {
    expect(FOUND.length).toBeGreaterThanOrEqual(4);
  });

  it.each(FOUND.map((f) => [f.where, f] as const))('%s: no \\u escape', (_where, { pattern }) => {
    expect(pattern).not.toMatch(/\\u/);
  });

  it.each(FOUND.filter((f) => f.pattern.endsWith('$')).map((f) => [f.where, f] as const))(
    '%s: a $-anchored pattern matches only strings of its maxLength',
    (_where, { schema, pattern }) => {
      const maxLength = schema['maxLength'];
      expect(typeof maxLength, 'a $-anchored pattern needs a maxLength beside it').toBe('number');
      for (const match of fc.sample(fc.stringMatching(new RegExp(pattern, 'u')), { numRuns: 200, seed: 1 }))
        expect(match.length).toBe(maxLength);
    },
  );
});
