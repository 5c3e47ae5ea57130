import { describe, expect, it } from 'vitest';
import { packageFile, run } from '../support/index.js';

describe('redocly lint (redocly.yaml: recommended-strict plus consumer-protecting rules)', () => {
  it('reports no error and no warning', async () => {
    const result = await run('node', [packageFile('@redocly/cli', 'bin/cli.js'), 'lint', '--format=json']);
    const report = JSON.parse(result.stdout) as { totals: { errors: number; warnings: number }; problems: unknown[] };
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(result.code).toBe(0);
  });
});
