#!/usr/bin/env node
// `npm run check:contract`: the semver gate. Compares the bundled spec (generated/openapi.json) with the
// spec of the last release (openapi/released/openapi.json), rates the change major, minor, patch or
// none as docs/versioning.md defines them, and fails unless info.version, and package.json's version
// (which must equal it), carry at least that bump over the released version. A contract change must
// also be written down in CHANGELOG.md's Unreleased section.
//
// The changes come from `redocly diff` (pinned with @redocly/cli) and its diff rules; where its rating
// disagrees with the policy, scripts/contract-policy.mjs re-rates the change and the policy wins.
//
//   node scripts/check-contract.mjs [--base released.json] [--revision bundled.json]
//                                   [--package package.json] [--changelog CHANGELOG.md]
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bumpOf, LEVELS, rateChange } from './contract-policy.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const redocly = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');
// Not the repository's redocly.yaml: that one holds lint rules and turns on no diff rule, and with such
// a config `redocly diff` rates every change minor or patch.
const DIFF_CONFIG = join(root, 'scripts/check-contract.redocly.yaml');

export const DEFAULTS = {
  base: join(root, 'openapi/released/openapi.json'),
  revision: join(root, 'generated/openapi.json'),
  packageJson: join(root, 'package.json'),
  changelog: join(root, 'CHANGELOG.md'),
};

/** Runs `redocly diff --format json` and returns its report (exit code 1 only means "major changes"). */
function redoclyDiff(base, revision) {
  const dir = mkdtempSync(join(tmpdir(), 'check-contract-'));
  const output = join(dir, 'diff.json');
  const args = [redocly, 'diff', base, revision, '--config', DIFF_CONFIG, '--format', 'json', '--output', output];
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      args,
      {
        cwd: root,
        env: {
          ...process.env,
          REDOCLY_TELEMETRY: 'off',
          REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
          REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
        },
        maxBuffer: 16 << 20,
        timeout: 120_000,
      },
      (error, _stdout, stderr) => {
        try {
          const code = error ? error.code : 0;
          if (code !== 0 && code !== 1) throw new Error(`redocly diff failed (${code ?? error?.signal}):\n${stderr}`);
          done(JSON.parse(readFileSync(output, 'utf8')));
        } catch (cause) {
          fail(
            cause instanceof Error && cause.message.startsWith('redocly')
              ? cause
              : new Error(`redocly diff: ${stderr}`, { cause }),
          );
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  });
}

function parseVersion(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/.exec(String(version));
  return match ? match.slice(1, 4).map(Number) : undefined;
}

/** The lowest version carrying `level` over `released` ('2.0.0' for major over 1.4.2). */
export function requiredVersion(released, level) {
  const [major, minor, patch] = parseVersion(released);
  if (level === 'major') return `${major + 1}.0.0`;
  if (level === 'minor') return `${major}.${minor + 1}.0`;
  if (level === 'patch') return `${major}.${minor}.${patch + 1}`;
  return released;
}

/** Whether `version` is at least `required` (a prerelease of 2.0.0 carries a major bump). */
function atLeast(version, required) {
  const [a, b] = [parseVersion(version), parseVersion(required)];
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

/** The entries of CHANGELOG.md's Unreleased section (its `- ` lines). */
export function unreleasedEntries(changelog) {
  const start = changelog.search(/^## \[Unreleased\]/m);
  if (start < 0) return undefined;
  const rest = changelog.slice(start).split('\n').slice(1);
  const end = rest.findIndex((line) => line.startsWith('## '));
  return (end < 0 ? rest : rest.slice(0, end)).filter((line) => /^\s*[-*] /.test(line));
}

/**
 * Runs the gate on files. Returns the rated changes, the level they need, the versions, and `problems`
 * (empty when the gate passes); `report` is the text `npm run check:contract` prints.
 */
export async function checkContract(paths = {}) {
  const files = { ...DEFAULTS, ...paths };
  const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
  const docs = { base: read(files.base), revision: read(files.revision) };
  const diff = await redoclyDiff(files.base, files.revision);
  const show = (file) => relative(process.cwd(), file) || file;
  return releaseVerdict({
    changes: diff.changes.map((change) => rateChange(change, docs)),
    released: String(docs.base.info.version),
    version: String(docs.revision.info.version),
    packageVersion: String(read(files.packageJson).version),
    changelog: readFileSync(files.changelog, 'utf8'),
    title: `${show(files.revision)} against the released ${docs.base.info.version} (${show(files.base)})`,
  });
}

/**
 * The gate's verdict on rated changes (redocly's, through the policy): whether `version` (info.version,
 * which package.json's `packageVersion` must equal) carries the bump they need over `released`, and
 * whether `changelog` (CHANGELOG.md's text) writes them down. No file and no process: checkContract
 * feeds it.
 */
export function releaseVerdict({ changes, released, version, packageVersion, changelog, title }) {
  const level = bumpOf(changes);
  // A patch-level change (descriptions, examples, code samples: nothing a consumer's code, types or
  // tests can notice) needs no bump of its own: it ships with the next release, whatever its level.
  const needs = level === 'patch' ? 'none' : level;
  const required = parseVersion(released) ? requiredVersion(released, needs) : undefined;

  const problems = [];
  if (!required) problems.push(`the released spec's info.version ${released} is not a semantic version`);
  if (!parseVersion(version)) problems.push(`info.version ${version} is not a semantic version (x.y.z)`);
  if (packageVersion !== version)
    problems.push(`package.json's version ${packageVersion} differs from the spec's info.version ${version}`);
  const forcedBy = [...new Set(changes.filter((c) => c.impact === level).map((c) => c.rule))];
  const tooLow = required !== undefined && parseVersion(version) !== undefined && !atLeast(version, required);
  if (tooLow)
    problems.push(
      `the changes need a ${level} release: version ${required} or later over the released ${released}, ` +
        `but info.version is ${version}. Forced by: ${forcedBy.join('; ')}.`,
    );
  if (needs !== 'none' && !unreleasedEntries(changelog)?.length)
    problems.push(`the contract changed (${level}), but CHANGELOG.md has no entry under "## [Unreleased]"`);

  const lines = [`check:contract: ${title}`];
  if (changes.length === 0) lines.push('  no change');
  const width = Math.max(...changes.map((c) => c.rule.length), 0);
  for (const c of [...changes].sort((x, y) => LEVELS.indexOf(y.impact) - LEVELS.indexOf(x.impact))) {
    const redoclySaid = c.overridden
      ? ` (redocly: ${c.redocly.impact}${c.redocly.rules.length ? `, ${c.redocly.rules.join(', ')}` : ''}; the policy wins)`
      : '';
    lines.push(`  ${c.impact.padEnd(5)}  ${c.rule.padEnd(width)}  ${c.where}: ${c.message}${redoclySaid}`);
  }
  const because = level === 'none' ? '' : ` (forced by ${forcedBy.join('; ')})`;
  const bump = needs === level ? '' : ', which needs no version bump of its own';
  lines.push(`Rated: ${level}${because}${bump}; version ${version}.`);
  if (problems.length === 0) lines.push('OK');
  else {
    lines.push(...problems.map((p) => `FAIL: ${p}`));
    if (tooLow) lines.push(`Bump it with \`npm version ${level}\` (see "Releasing" in README.md).`);
  }
  return {
    changes,
    level,
    needs,
    released,
    version,
    packageVersion,
    required,
    forcedBy,
    problems,
    report: lines.join('\n'),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      base: { type: 'string' },
      revision: { type: 'string' },
      package: { type: 'string' },
      changelog: { type: 'string' },
    },
  });
  const paths = Object.fromEntries(
    Object.entries({
      base: values.base,
      revision: values.revision,
      packageJson: values.package,
      changelog: values.changelog,
    })
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, resolve(v)]),
  );
  const result = await checkContract(paths);
  (result.problems.length ? console.error : console.log)(result.report);
  process.exitCode = result.problems.length ? 1 : 0;
}
