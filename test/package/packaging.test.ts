// The packed tarball: what it holds, its package.json, and the linters of package shape (publint,
// and attw for the types every entry point resolves to).
import { readdirSync, readFileSync } from 'node:fs';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { packedTarball } from '../support/consumer-project.js';
import { packageFile, run } from '../support/index.js';

let tarball: string;
let files: string[];
beforeAll(async () => {
  tarball = packedTarball();
  const listing = await run('tar', ['-tzf', tarball]);
  expect(listing.code).toBe(0);
  files = listing.stdout
    .trim()
    .split('\n')
    .map((f) => f.replace(/^package\//, ''));
}, 180_000);

function packedPackageJson() {
  return run('tar', ['-xzOf', tarball, 'package/package.json']).then(
    (r) => JSON.parse(r.stdout) as Record<string, unknown>,
  );
}

describe('tarball contents', () => {
  it('holds only the files allow-list: dist, generated, the guides, README, CHANGELOG, LICENSE (and package.json)', () => {
    for (const file of files)
      expect(file).toMatch(
        /^(dist\/.+\.(js|d\.ts)|generated\/.+|docs\/[^/]+\.md|README\.md|CHANGELOG\.md|LICENSE|package\.json)$/,
      );
  });

  it('ships the entry points, declarations, generated artefacts and licence', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/index.js',
        'dist/index.d.ts',
        'dist/schema.js',
        'dist/schema.d.ts',
        'dist/testing/index.js',
        'dist/testing/index.d.ts',
        'dist/testing/cli.js',
        'generated/schema.d.ts',
        'generated/validators.js',
        'generated/validators.d.ts',
        'generated/validators/reset-message-offset-request.js',
        'generated/validators/error.js',
        'generated/validators/project-id.js',
        'generated/validators/instance-id.js',
        'generated/validators/group.js',
        'generated/openapi.json',
        'generated/openapi.yaml',
        'README.md',
        'CHANGELOG.md',
        'docs/versioning.md',
        'LICENSE',
      ]),
    );
  });

  it('mirrors the entries in dist/: one module per export and bin, and what they share in dist/chunks/', async () => {
    const pkg = await packedPackageJson();
    const exported = Object.values(pkg['exports'] as Record<string, string | Record<string, string>>)
      .map((target) => (typeof target === 'string' ? target : target['default']))
      .filter((target) => target?.startsWith('./dist/'));
    const entries = [...exported, ...Object.values(pkg['bin'] as Record<string, string>)].map((t) => t!.slice(2));
    const modules = files.filter((f) => f.startsWith('dist/') && f.endsWith('.js'));
    expect(modules.filter((f) => !f.startsWith('dist/chunks/')).sort()).toEqual([...new Set(entries)].sort());
    expect(modules.filter((f) => f.startsWith('dist/chunks/')).length).toBeGreaterThan(0);
  });

  it('has no sources, tests, source maps or built docs page', () => {
    expect(files.filter((f) => /^(src|test|openapi|scripts|bench)\//.test(f) || f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('docs/') && !f.endsWith('.md'))).toEqual([]);
  });
});

describe('package.json as published', () => {
  it('is ESM only: every export is import/default, none is require', async () => {
    const pkg = await packedPackageJson();
    expect(pkg['type']).toBe('module');
    expect(JSON.stringify(pkg['exports'])).not.toContain('"require"');
    expect(Object.keys(pkg['exports'] as object)).toEqual([
      '.',
      './schema',
      './testing',
      './openapi.json',
      './openapi.yaml',
      './package.json',
    ]);
    expect(pkg['sideEffects']).toBe(false);
  });

  it('has openapi-fetch as its only runtime dependency, and no install scripts', async () => {
    const pkg = await packedPackageJson();
    expect(pkg['dependencies']).toEqual({ 'openapi-fetch': expect.any(String) });
    const scripts = (pkg['scripts'] ?? {}) as Record<string, string>;
    for (const hook of ['preinstall', 'install', 'postinstall']) expect(scripts[hook]).toBeUndefined();
  });

  it('the generated validators have no runtime imports', () => {
    const folder = new URL('../../generated/validators/', import.meta.url);
    const modules = readdirSync(folder);
    expect(modules.length).toBeGreaterThan(0);
    for (const file of modules) {
      expect(readFileSync(new URL(file, folder), 'utf8'), file).not.toMatch(/^\s*import\s|require\(/m);
    }
  });
});

describe('linters', () => {
  it('publint (strict, every level) reports nothing', async () => {
    const buffer = readFileSync(tarball);
    const { messages, pkg } = await publint({
      pack: { tarball: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer },
      strict: true,
      level: 'suggestion',
    });
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, pkg) ?? m.code}`)).toEqual([]);
  });

  it('attw (ESM-only profile) finds no problem', async () => {
    // esm-only: the package offers no CommonJS build, so resolution from CJS (node10, node16-cjs) is not
    // a target. ./openapi.yaml is a data file, not a module: TypeScript cannot resolve a .yaml import,
    // so it is left out here; the consumer test reads it through import.meta.resolve.
    const result = await run('node', [
      packageFile('@arethetypeswrong/cli', 'dist/index.js'),
      tarball,
      '--profile',
      'esm-only',
      '--exclude-entrypoints',
      './openapi.yaml',
      '--format',
      'json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      analysis: { entrypoints: Record<string, unknown> };
      problems: Record<string, Array<{ entrypoint: string; resolutionKind?: string }>>;
    };
    expect(Object.keys(report.analysis.entrypoints)).toEqual([
      '.',
      './schema',
      './testing',
      './openapi.json',
      './package.json',
    ]);
    // What remains is CommonJS resolution only, which the esm-only profile sets aside.
    const esmProblems = Object.values(report.problems)
      .flat()
      .filter((p) => !['node10', 'node16-cjs'].includes(p.resolutionKind ?? ''));
    expect(esmProblems).toEqual([]);
  });
});
