// The repository root and the bench's folder, found from this module's location: the bench runs
// compiled into bench/.work/build/ (and its children one folder deeper), so a fixed relative URL would
// be wrong somewhere.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bench', 'run.mjs'))) return dir;
    if (dirname(dir) === dir) throw new Error('bench: repository root not found above ' + import.meta.url);
  }
}

export const ROOT = findRoot();
/** The bench's own npm project: its peers (the official SDK) are installed in bench/node_modules. */
export const BENCH = join(ROOT, 'bench');
