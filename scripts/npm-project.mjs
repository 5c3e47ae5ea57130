// The repository's side projects (bench/, test/portability/) keep their tools out of the root install:
// each has its own package.json and lockfile, installed on first use and again when the lockfile moves.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Runs `npm ci` in `dir` when its node_modules is missing or differs from its lockfile (a package at
 * another version, or absent); `label` names the project in what is printed.
 *
 * @example ensureInstalled(join(ROOT, 'bench'), 'bench');
 */
export function ensureInstalled(dir, label) {
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')).packages;
  const hidden = join(dir, 'node_modules', '.package-lock.json');
  const installed = existsSync(hidden) ? JSON.parse(readFileSync(hidden, 'utf8')).packages : {};
  // Optional packages for other platforms (esbuild's) are in the lockfile but not installed.
  const stale = Object.entries(lock).some(
    ([key, entry]) => key !== '' && !entry.optional && installed[key]?.version !== entry.version,
  );
  if (!stale) return;
  console.error(`${label}: installing its npm project (npm ci in ${dir})`);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: dir, stdio: 'inherit' });
}
