// The npm `version` lifecycle script's two edits: info.version in the hand-written spec, and the
// changelog's Unreleased entries becoming the new version's section. (The whole `npm version` run, with
// regeneration and the gate, is in the matrix lane: test/matrix/.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unreleasedEntries } from '../../scripts/check-contract.mjs';
import { withInfoVersion, withReleaseSection } from '../../scripts/release-contract.mjs';
import { ROOT } from '../support/spec.js';

describe('withInfoVersion', () => {
  const spec = readFileSync(`${ROOT}openapi/openapi.yaml`, 'utf8');

  it("changes info.version of the repository's spec and nothing else", () => {
    const next = withInfoVersion(spec, '1.2.0');
    const changed = next.split('\n').filter((line, i) => line !== spec.split('\n')[i]);
    expect(changed).toEqual(['  version: 1.2.0']);
  });

  it('leaves a `version:` outside info alone, and fails when info has none', () => {
    const yaml = 'openapi: 3.1.0\ninfo:\n  title: T\n  version: 1.0.0\npaths:\n  x:\n    version: 9\n';
    expect(withInfoVersion(yaml, '2.0.0')).toBe(yaml.replace('1.0.0', '2.0.0'));
    expect(() => withInfoVersion('openapi: 3.1.0\ninfo:\n  title: T\n', '2.0.0')).toThrow(/no info.version/);
  });
});

describe('withReleaseSection', () => {
  const changelog = '# Changelog\n\n## [Unreleased]\n\n### Added\n\n- A field.\n\n## [1.0.0] - 2026-12-01\n';

  it('moves the Unreleased entries under the new version and leaves Unreleased empty', () => {
    const next = withReleaseSection(changelog, '1.1.0', '2027-01-02');
    expect(next).toContain('## [Unreleased]\n\n## [1.1.0] - 2027-01-02\n\n### Added\n\n- A field.\n\n## [1.0.0]');
    expect(unreleasedEntries(next)).toEqual([]);
    expect(unreleasedEntries(changelog)).toEqual(['- A field.']);
  });

  it("keeps the repository's CHANGELOG.md in shape: an Unreleased heading, then 1.0.0", () => {
    const ours = readFileSync(`${ROOT}CHANGELOG.md`, 'utf8');
    expect(ours).toMatch(/^## \[Unreleased\]$/m);
    expect(ours).toMatch(/^## \[1\.0\.0\] - \d{4}-\d{2}-\d{2}$/m);
    expect(() => withReleaseSection('# Changelog\n', '1.1.0', '2027-01-02')).toThrow(/Unreleased/);
  });
});
