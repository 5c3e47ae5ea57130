// The repository type-checks as `npm run typecheck` checks it: one `tsc -p tsconfig.json` over src, test
// and generated. The *.test-d.ts files are the type-level tests: an `expectTypeOf` that does not hold, or
// an `@ts-expect-error` over code that compiles, is a compile error, so this run is their verdict too.
// (A plain test rather than vitest's typecheck mode, which runs its tsc after every other test, alone.)
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { run, TSC } from '../support/index.js';
import { ROOT } from '../support/spec.js';

const TYPE_TESTS = readdirSync(join(ROOT, 'test'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test-d.ts'))
  .map((file) => join(ROOT, 'test', file));

it('reports no error, with every type-level test (*.test-d.ts) in the program', async () => {
  expect(TYPE_TESTS.length).toBeGreaterThanOrEqual(2);
  // --listFiles prints the program's files, one absolute path per line; anything else is a diagnostic.
  const result = await run('node', [TSC, '-p', 'tsconfig.json', '--listFiles']);
  const lines = (result.stdout + result.stderr).split('\n').filter(Boolean);
  expect(lines.filter((line) => !line.startsWith('/'))).toEqual([]);
  expect(result.code).toBe(0);
  expect(lines).toEqual(expect.arrayContaining(TYPE_TESTS));
});
