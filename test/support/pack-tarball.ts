// globalSetup of the package project: `npm pack` (whose prepack builds dist/) runs once per test run,
// before any of its suites, and every suite gets the tarball's path through inject('packedTarball').
//
// The pack runs in a copy of the repository, so that a test run never rewrites the working tree's dist/
// (which `npm run bench` and a developer's own build own). The copy leaves out what the build cannot
// need; node_modules is linked, not copied.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { TestProject } from 'vitest/node';
import { run } from './run.js';
import { ROOT } from './spec.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The packed tarball of the current sources (absolute path). */
    packedTarball: string;
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
  project.provide('packedTarball', join(out, tarballs[0]!));
  return () => rmSync(work, { recursive: true, force: true });
}
