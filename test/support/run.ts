// The one way suites run a program to its end: tsc, npm, tar, the build scripts, the docs' samples.
// It never throws; the exit code and both outputs are in the result, for the test to assert on.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ROOT } from './spec.js';

const require = createRequire(import.meta.url);

/** Path of a file inside an installed package. */
export function packageFile(pkg: string, rel: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), rel);
}

/** TypeScript's compiler, to run with `run('node', [TSC, ...])`. */
export const TSC = packageFile('typescript', 'bin/tsc');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Working directory; the repository root unless given. */
  cwd?: string;
  /** Variables set on top of this process's environment (or, with `cleanEnv`, on top of PATH alone). */
  env?: NodeJS.ProcessEnv;
  /** Start from PATH alone, so that no inherited proxy, endpoint or credential variable reaches the program. */
  cleanEnv?: boolean;
  /** Killed after this long (default 120 s); a killed run has a non-zero code. */
  timeoutMs?: number;
}

// Redocly's telemetry and update notice stay off: nothing leaves the machine, and stderr stays clean.
const QUIET = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

/**
 * Runs `cmd` (`node` means this Node) with `args` and resolves when it exits.
 *
 * @example const tsc = await run('node', [TSC, '-p', 'tsconfig.json']); expect(tsc.code).toBe(0);
 */
export function run(cmd: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const file = cmd === 'node' ? process.execPath : cmd;
  const env = options.cleanEnv
    ? { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...options.env }
    : { ...process.env, ...QUIET, ...options.env };
  return new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { cwd: options.cwd ?? ROOT, env, maxBuffer: 64 << 20, timeout: options.timeoutMs ?? 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
