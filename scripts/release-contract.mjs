#!/usr/bin/env node
// The npm `version` lifecycle script: `npm version major|minor|patch` has just written the new version
// into package.json; this makes it the released contract, before npm commits and tags.
//
// 1. info.version in openapi/openapi.yaml := the new version; `npm run generate` rebundles generated/.
// 2. The gate (scripts/check-contract.mjs) must pass against the previous release: a version too small
//    for the changes stops here, with the rule that needs more (npm then makes no commit; put the
//    files back with `git checkout package.json package-lock.json openapi/openapi.yaml generated`).
// 3. generated/openapi.json becomes openapi/released/openapi.json, and CHANGELOG.md's Unreleased
//    entries become the new version's section.
// 4. The files are staged, so npm's release commit holds them.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkContract, DEFAULTS } from './check-contract.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SPEC = join(root, 'openapi/openapi.yaml');

/** The spec's text with info.version set (the first `version:` under `info:`, formatting kept). */
export function withInfoVersion(yaml, version) {
  const next = yaml.replace(/^(info:\n(?:[ \t]+.*\n|\n)*?[ \t]+version:[ \t]*).*$/m, `$1${version}`);
  if (next === yaml && !new RegExp(`^[ \\t]+version:[ \\t]*${version.replaceAll('.', '\\.')}$`, 'm').test(yaml))
    throw new Error('openapi/openapi.yaml: no info.version line found');
  return next;
}

/** The changelog with the Unreleased entries moved under `## [version] - date` (Unreleased left empty). */
export function withReleaseSection(changelog, version, date) {
  if (!/^## \[Unreleased\]$/m.test(changelog)) throw new Error('CHANGELOG.md has no "## [Unreleased]" heading');
  return changelog.replace(/^## \[Unreleased\]$/m, `## [Unreleased]\n\n## [${version}] - ${date}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  writeFileSync(SPEC, withInfoVersion(readFileSync(SPEC, 'utf8'), version));
  execFileSync(process.execPath, [join(root, 'scripts/generate.mjs')], { cwd: root, stdio: 'inherit' });

  const result = await checkContract();
  if (result.problems.length > 0) {
    console.error(result.report);
    process.exit(1);
  }
  console.log(result.report);
  copyFileSync(DEFAULTS.revision, DEFAULTS.base);
  const changelog = readFileSync(DEFAULTS.changelog, 'utf8');
  writeFileSync(DEFAULTS.changelog, withReleaseSection(changelog, version, new Date().toISOString().slice(0, 10)));

  if (existsSync(join(root, '.git')))
    execFileSync('git', ['add', 'openapi/openapi.yaml', 'generated', 'openapi/released', 'CHANGELOG.md'], {
      cwd: root,
      stdio: 'inherit',
    });
  console.log(`Released contract ${version}: openapi/released/openapi.json and CHANGELOG.md updated.`);
}
