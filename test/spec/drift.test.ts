// The drift gate: generated/ must be exactly what `npm run generate` writes from the spec now.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../support/index.js';
import { ROOT } from '../support/spec.js';

const fresh = mkdtempSync(join(tmpdir(), 'dms-generate-'));
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

describe('generated/ is in sync with openapi/', () => {
  it('regenerating writes the committed files byte for byte', async () => {
    const result = await run('node', [join(ROOT, 'scripts/generate.mjs'), '--out', fresh]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const files = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
        .sort();
    const committed = files(join(ROOT, 'generated'));
    expect(files(fresh)).toEqual(committed);
    for (const file of committed) {
      const now = readFileSync(join(fresh, file), 'utf8');
      const before = readFileSync(join(ROOT, 'generated', file), 'utf8');
      expect(before, `generated/${file} differs from the spec: run npm run generate`).toBe(now);
    }
  });
});
