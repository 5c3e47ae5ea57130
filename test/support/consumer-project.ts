// The package as a consumer gets it: the tarball `npm pack` built for this run, installed by npm into an
// empty project (both in test/support/pack-tarball.ts, the package project's globalSetup), copied into a
// throwaway project outside the repository for each suite.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inject } from 'vitest';
import { run, type RunOptions, type RunResult } from './run.js';
import { ROOT } from './spec.js';

/** The packed tarball of the current sources, built once per run before the package project's suites. */
export function packedTarball(): string {
  const tarball = inject('packedTarball');
  if (!tarball)
    throw new Error('no packed tarball here: suites that install it belong in the package project (vitest.config.ts)');
  return tarball;
}

export interface ConsumerProjectOptions {
  /**
   * Packages to make resolvable in the consumer project by symlinking them from this repository's
   * node_modules (e.g. the test kit's peer dependencies '@stoplight/prism-http'), instead of
   * installing them from the registry.
   */
  linkFromRepo?: readonly string[];
}

export interface ConsumerProject {
  /** The consumer project's folder (outside the repository). */
  readonly dir: string;
  /** The tarball that was installed. */
  readonly tarball: string;
  /** Runs a command in `dir`; `node` means this Node. */
  run(cmd: string, args: readonly string[], options?: Omit<RunOptions, 'cwd'>): Promise<RunResult>;
  /** Writes a file relative to `dir` (folders created). */
  write(path: string, content: string): void;
  cleanup(): Promise<void>;
}

/** A fresh project in the OS temp folder with the packed tarball installed as a dependency. */
export async function createConsumerProject(options: ConsumerProjectOptions = {}): Promise<ConsumerProject> {
  const tarball = packedTarball();
  const dir = mkdtempSync(join(tmpdir(), 'dms-consumer-'));
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  };
  // node_modules/.bin holds relative links, which stay as npm wrote them.
  cpSync(inject('consumerTemplate'), dir, { recursive: true, verbatimSymlinks: true });
  for (const name of options.linkFromRepo ?? []) {
    const link = join(dir, 'node_modules', name);
    if (existsSync(link)) continue;
    mkdirSync(dirname(link), { recursive: true });
    // The Node matrix (test/matrix/) offers other versions (the newest Prism) from its tools folder.
    const offered = process.env['CONSUMER_MODULES'] && join(process.env['CONSUMER_MODULES'], name);
    symlinkSync(offered && existsSync(offered) ? offered : join(ROOT, 'node_modules', name), link, 'dir');
  }
  return {
    dir,
    tarball,
    run: (cmd, args, runOptions) => run(cmd, args, { ...runOptions, cwd: dir }),
    write,
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A tsconfig.json that type-checks `files` of a consumer project as a strict consumer would (vitest's
 * and Prism's declarations need Node's, hence skipLibCheck).
 */
export function strictConsumerTsconfig(files: readonly string[]): string {
  return JSON.stringify({
    compilerOptions: {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      noEmit: true,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      lib: ['es2022', 'dom'],
    },
    files,
  });
}
