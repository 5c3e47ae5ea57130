// The project (src, test, generated) type-checks under the strict tsconfig.json (bench/, its own npm
// project, is checked by npm run bench); vitest itself only strips types, so without this a type error
// in a runtime test would go unnoticed.
import { describe, expect, it } from 'vitest';
import { packageFile, runNode } from '../support/run.js';

describe('tsc -p tsconfig.json (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes)', () => {
  it('reports no type error', async () => {
    const result = await runNode(packageFile('typescript', 'bin/tsc'), ['-p', 'tsconfig.json', '--pretty', 'false']);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 120_000);
});
