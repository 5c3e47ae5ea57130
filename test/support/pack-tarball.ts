// globalSetup of the package project: `npm pack` (whose prepack builds dist/) runs once per test run,
// before any of its suites, and every suite gets the tarball's path through inject('packedTarball').
// The tarball is then installed once, as a consumer installs it (`npm install <tarball>` in an empty
// project), and every suite's consumer project starts as a copy of that one (inject('consumerTemplate'),
// test/support/consumer-project.ts): the same files, without one npm run per suite.
//
// The pack runs in a copy of the repository, so that a test run never rewrites the working tree's dist/
// (which `npm run bench` and a developer's own build own). The copy leaves out what the build cannot
// need; node_modules is linked, not copied.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { TestProject } from 'vitest/node';
import { run } from './run.js';
import { ROOT } from './spec.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The packed tarball of the current sources (absolute path). */
    packedTarball: string;
    /** A project with nothing but the packed tarball installed (absolute path): copy it, never change it. */
    consumerTemplate: string;
  }
}

/** Build output, caches and test leftovers: never an input of the package. */
const NOT_COPIED = new Set(['.git', 'node_modules', 'dist', '.tmp', '.work', 'coverage', 'test-results']);

export default async function setup(project: TestProject): Promise<() => void> {
  const work = mkdtempSync(join(tmpdir(), 'dms-pack-'));
  const staging = join(work, 'package');
  cpSync(ROOT, staging, {
    recursive: true,
    filter: (source) => {
      const path = relative(ROOT, source);
      return !path.split(sep).some((part) => NOT_COPIED.has(part)) && !path.endsWith('.tgz');
    },
  });
  symlinkSync(join(ROOT, 'node_modules'), join(staging, 'node_modules'), 'dir');
  const out = join(work, 'out');
  mkdirSync(out);
  const pack = await run('npm', ['pack', '--pack-destination', out, '--no-audit', '--no-fund'], {
    cwd: staging,
    timeoutMs: 180_000,
  });
  const tarballs = readdirSync(out).filter((name) => name.endsWith('.tgz'));
  if (pack.code !== 0 || tarballs.length !== 1) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`npm pack failed (${pack.code}):\n${pack.stdout}\n${pack.stderr}`);
  }
  const tarball = join(out, tarballs[0]!);
  const template = join(work, 'consumer');
  mkdirSync(template);
  writeFileSync(
    join(template, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '0.0.0', private: true, type: 'module' }, null, 2),
  );
  const install = await run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: template,
  });
  if (install.code !== 0) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`npm install of the tarball failed (${install.code}):\n${install.stdout}\n${install.stderr}`);
  }
  project.provide('packedTarball', tarball);
  project.provide('consumerTemplate', template);
  return () => rmSync(work, { recursive: true, force: true });
}
