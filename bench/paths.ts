// The repository root, found from this module's location. The bench runs both from source (vitest,
// test/size) and compiled into bench/.work/build/ (npm run bench), so a fixed relative URL would be
// wrong in one of the two.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bench', 'entries'))) return dir;
    if (dirname(dir) === dir) throw new Error('bench: repository root not found above ' + import.meta.url);
  }
}

export const ROOT = findRoot();
