// Runtime install footprint: the packages (and their bytes) that installing a peer puts into a user's
// node_modules, read from a project's lockfile, i.e. from what npm ci installed, at those versions.
// The repository's runtime packages are its lockfile entries not marked dev (openapi-fetch and what it
// needs; the mock's optional Prism peers are dev here, and npm does not install optional peers). The
// bench's own project holds only the official SDK, so every package of its lockfile counts (uuid
// included, which the SDK's core requires without declaring it). Sizes are apparent sizes (the sum of
// file lengths, like npm's "unpacked size"), not disk blocks.
import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Footprint {
  readonly packages: number;
  readonly bytes: number;
  /** name@version of every package counted, sorted. */
  readonly list: readonly string[];
}

interface Lockfile {
  packages: Record<string, { version?: string; dev?: boolean; link?: boolean }>;
}

/** Bytes of the files of one package, without the packages nested in its own node_modules. */
function packageBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += packageBytes(path);
    else if (entry.isFile()) total += lstatSync(path).size;
  }
  return total;
}

/** The installed packages of the project at `dir` (all of them, or those not marked dev). */
export function lockfileFootprint(dir: string, which: 'all' | 'runtime'): Footprint {
  const { packages } = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as Lockfile;
  const counted = Object.entries(packages).filter(
    ([path, entry]) => path !== '' && entry.link !== true && (which === 'all' || entry.dev !== true),
  );
  let bytes = 0;
  const list: string[] = [];
  for (const [path, entry] of counted) {
    bytes += packageBytes(join(dir, path));
    list.push(`${path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${entry.version ?? '?'}`);
  }
  return { packages: counted.length, bytes, list: list.sort() };
}

interface PackDryRun {
  name: string;
  version: string;
  unpackedSize: number;
}

/**
 * This repository as a published package: its tarball's files (`npm pack --dry-run`, which honours
 * `files` in package.json and runs no scripts, offline) plus its runtime packages.
 */
export function ownPackageFootprint(root: string): Footprint {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--offline'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [pack] = JSON.parse(output) as PackDryRun[];
  if (!pack) throw new Error('footprint: npm pack --dry-run printed nothing');
  const runtime = lockfileFootprint(root, 'runtime');
  return {
    packages: runtime.packages + 1,
    bytes: runtime.bytes + pack.unpackedSize,
    list: [`${pack.name}@${pack.version}`, ...runtime.list].sort(),
  };
}
