// Runtime install footprint: the packages (and their bytes) that `npm install <peer>` puts into a user's
// node_modules, computed offline from this repository's installed tree. It follows `dependencies`,
// non-optional `peerDependencies` (npm >= 7 installs them) and `optionalDependencies`, resolving
// each name as Node does (nearest node_modules upwards), so the answer matches the lockfile's versions.
// optionalDependencies count when installed here (npm installs them where the platform allows).
// Sizes are apparent sizes (the sum of file lengths, like npm's "unpacked size"), not disk blocks.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Footprint {
  readonly packages: number;
  readonly bytes: number;
  /** name@version of every package counted, sorted. */
  readonly list: readonly string[];
}

interface Manifest {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** Node's lookup: `<dir>/node_modules/<name>`, then the same from each parent folder. */
function resolvePackageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
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

/** Adds every package reachable from `manifest`'s runtime dependencies to `seen` (id -> bytes). */
function collectTree(seen: Map<string, number>, manifest: Manifest, dir: string): void {
  const visit = (name: string, from: string, optional: boolean): void => {
    const found = resolvePackageDir(name, from);
    if (!found) {
      if (optional) return;
      throw new Error(`footprint: ${name} is not installed (needed from ${from}); run npm ci`);
    }
    const child = readManifest(found);
    const id = `${child.name ?? name}@${child.version ?? '?'}`;
    if (seen.has(id)) return;
    seen.set(id, packageBytes(found));
    walkDependencies(child, found, visit);
  };
  walkDependencies(manifest, dir, visit);
}

function walkDependencies(
  manifest: Manifest,
  dir: string,
  visit: (name: string, from: string, optional: boolean) => void,
): void {
  for (const name of Object.keys(manifest.dependencies ?? {})) visit(name, dir, false);
  for (const name of Object.keys(manifest.optionalDependencies ?? {})) visit(name, dir, true);
  // npm >= 7 installs required peers, never optional ones (even if this repository has them as devDependencies).
  for (const name of Object.keys(manifest.peerDependencies ?? {})) {
    if (manifest.peerDependenciesMeta?.[name]?.optional !== true) visit(name, dir, false);
  }
}

/** The footprint of installing the packages `roots` (names resolvable from `fromDir`). */
export function installFootprint(roots: readonly string[], fromDir: string): Footprint {
  const seen = new Map<string, number>();
  collectTree(seen, { dependencies: Object.fromEntries(roots.map((name) => [name, '*'])) }, fromDir);
  return summarizeFootprint(seen);
}

function summarizeFootprint(seen: ReadonlyMap<string, number>): Footprint {
  let bytes = 0;
  for (const size of seen.values()) bytes += size;
  return { packages: seen.size, bytes, list: [...seen.keys()].sort() };
}

interface PackDryRun {
  name: string;
  version: string;
  unpackedSize: number;
}

/**
 * The footprint of this repository as a published package: its tarball's files (`npm pack --dry-run`,
 * which honours `files` in package.json and runs no scripts, offline) plus its runtime dependency tree.
 */
export function ownPackageFootprint(root: string): Footprint {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--offline'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [pack] = JSON.parse(output) as PackDryRun[];
  if (!pack) throw new Error('footprint: npm pack --dry-run printed nothing');
  const seen = new Map<string, number>([[`${pack.name}@${pack.version}`, pack.unpackedSize]]);
  collectTree(seen, readManifest(root), root);
  return summarizeFootprint(seen);
}
