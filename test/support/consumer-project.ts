// The package as a consumer gets it: `npm pack` (whose prepack builds dist/) run once per content of
// the package's inputs, shared by every suite and worker through a lock and a cache in the OS temp
// folder, then installed into a throwaway project outside the repository.
//
// The pack runs in a staging copy of the package inputs, so tests never rewrite the working tree's
// dist/ while other suites may be reading it.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { ROOT } from './spec.js';

/** What `npm pack` reads: the package's inputs (anything else in the repository cannot reach the tarball). */
const PACKAGE_INPUTS = [
  'package.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  // The guides ship; the built docs page (docs/index.html) does not.
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
  'tsconfig.json',
  'tsconfig.build.json',
  'src',
  'generated',
  'scripts/bundle-dist.mjs',
];
const CACHE = join(tmpdir(), 'dms-kafka-reset-offset-pack');
const STALE_LOCK_MS = 5 * 60_000;

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** Runs a command (`node` means this Node) in `cwd`; never throws, the exit code is in the result. */
export function runIn(cwd: string, cmd: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const file = cmd === 'node' ? process.execPath : cmd;
  return new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { cwd, env: { ...process.env, ...options.env }, maxBuffer: 64 << 20, timeout: options.timeoutMs ?? 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

function fingerprint(): string {
  const hash = createHash('sha256');
  for (const input of PACKAGE_INPUTS) {
    for (const file of filesUnder(join(ROOT, input))) {
      hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** Whether the process that took a lock is gone (a run killed mid-pack must not block the next one). */
function ownerGone(lock: string): boolean {
  try {
    const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ESRCH') return true;
    // No pid file yet (just created) or not ours to signal: fall back on the lock's age.
    return Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS;
  }
}

async function withLock<T>(lock: string, fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (ownerGone(lock)) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* removed meanwhile */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function pack(target: string): Promise<void> {
  const staging = mkdtempSync(join(tmpdir(), 'dms-pack-staging-'));
  try {
    for (const input of PACKAGE_INPUTS) {
      if (existsSync(join(ROOT, input))) cpSync(join(ROOT, input), join(staging, input), { recursive: true });
    }
    // The build (prepack) needs TypeScript and the packages the sources import.
    symlinkSync(join(ROOT, 'node_modules'), join(staging, 'node_modules'), 'dir');
    const out = join(staging, '.out');
    mkdirSync(out);
    const result = await runIn(staging, 'npm', ['pack', '--pack-destination', out, '--no-audit', '--no-fund']);
    const tarballs = readdirSync(out).filter((name) => name.endsWith('.tgz'));
    if (result.code !== 0 || tarballs.length !== 1) {
      throw new Error(`npm pack failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
    }
    renameSync(join(out, tarballs[0]!), target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

let packed: Promise<string> | undefined;

/** The packed tarball of the current sources (built and packed at most once per content). */
export function packedTarball(): Promise<string> {
  packed ??= (async () => {
    mkdirSync(CACHE, { recursive: true });
    const id = fingerprint();
    const target = join(CACHE, `${id}.tgz`);
    return withLock(join(CACHE, 'lock'), async () => {
      if (!existsSync(target)) {
        await pack(target);
        // Older tarballs belong to sources that no longer exist.
        for (const name of readdirSync(CACHE))
          if (name.endsWith('.tgz') && name !== `${id}.tgz`) rmSync(join(CACHE, name), { force: true });
      }
      return target;
    });
  })();
  return packed;
}

export interface ConsumerProjectOptions {
  /**
   * Packages to make resolvable in the consumer project by symlinking them from this repository's
   * node_modules (e.g. the test kit's peer dependencies '@stoplight/prism-http'), instead of
   * installing them from the registry.
   */
  linkFromRepo?: readonly string[];
  /** Extra fields for the consumer's package.json. */
  packageJson?: Record<string, unknown>;
}

export interface ConsumerProject {
  /** The consumer project's folder (outside the repository). */
  readonly dir: string;
  /** The tarball that was installed. */
  readonly tarball: string;
  /** Runs a command in `dir`; `node` means this Node. */
  run(cmd: string, args: readonly string[], options?: RunOptions): Promise<RunResult>;
  /** Writes a file relative to `dir` (folders created). */
  write(path: string, content: string): void;
  cleanup(): Promise<void>;
}

/** A fresh project in the OS temp folder with the packed tarball installed as a dependency. */
export async function createConsumerProject(options: ConsumerProjectOptions = {}): Promise<ConsumerProject> {
  const tarball = await packedTarball();
  const dir = mkdtempSync(join(tmpdir(), 'dms-consumer-'));
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  };
  write(
    'package.json',
    JSON.stringify(
      { name: 'consumer', version: '0.0.0', private: true, type: 'module', ...options.packageJson },
      null,
      2,
    ),
  );
  const install = await runIn(dir, 'npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund']);
  if (install.code !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`npm install of the tarball failed (${install.code}):\n${install.stdout}\n${install.stderr}`);
  }
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
    run: (cmd, args, runOptions) => runIn(dir, cmd, args, runOptions),
    write,
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
