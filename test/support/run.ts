// Runs a package's CLI with this Node, from the repository root, with telemetry and banners off.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ROOT } from './spec.js';

const require = createRequire(import.meta.url);

/** Path of a file inside an installed package. */
export function packageFile(pkg: string, rel: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), rel);
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runNode(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      {
        cwd: ROOT,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', ...env },
        maxBuffer: 64 << 20,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
