// The formatter's verdict is part of the test run, so that `npm test` alone says whether a change is
// ready (`npm run format` fixes what this finds).
import { describe, expect, it } from 'vitest';
import { packageFile, run } from '../support/index.js';

describe('prettier (.prettierrc.json, .prettierignore)', () => {
  it('finds every file formatted (npm run format:check)', async () => {
    const result = await run('node', [packageFile('prettier', 'bin/prettier.cjs'), '--check', '.']);
    expect(result.stdout + result.stderr).toContain('All matched files use Prettier code style!');
    expect(result.code, `${result.stdout}\n${result.stderr}\nrun npm run format`).toBe(0);
  });
});
