// npm run bench: installs the bench's own npm project on first use (bench/package.json: the official
// SDK, which the repository's npm ci does not install), type-checks bench/, compiles it with esbuild
// into bench/.work/build/ and runs it in a fresh Node with --expose-gc and HOME pointed at a temporary
// folder (the official SDK writes ~/.huaweicloud/application_id). Our package is not bundled into the
// bench: every import of src/ is rewritten to the built dist/ (`npm run build`), so the bench times and
// cold-starts the code a user installs. Packages stay external and load from node_modules (bench's,
// then the repository's), as in a user's process. The children timed in fresh processes (one call per
// peer, the mock's ready time) are generated here, one small entry each.
// Extra arguments go to bench/main.ts (--update-docs rewrites the figures in docs/benchmarks.md).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ensureInstalled } from '../scripts/npm-project.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = join(ROOT, 'bench');
const SRC = join(ROOT, 'src') + sep;
const DIST = join(ROOT, 'dist');
const OUT = join(BENCH, '.work', 'build');

if (!existsSync(join(DIST, 'index.js'))) {
  console.error('bench: dist/index.js is missing; run `npm run build` first (npm run bench does).');
  process.exit(1);
}
ensureInstalled(BENCH, 'bench');
execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', BENCH], {
  stdio: 'inherit',
});

// One entry per child: a peer's one call against the capture server, or a mock started until it listens.
const peers = readdirSync(join(BENCH, 'peers'))
  .filter((file) => !['index.ts', 'peer.ts'].includes(file))
  .map((file) => file.replace(/\.ts$/, ''));
const children = {
  ...Object.fromEntries(
    peers.map((id) => [
      `cold/${id}`,
      `import { coldCall } from './one-call.js';\nimport { createCall } from './peers/${id}.js';\nawait coldCall(createCall);`,
    ]),
  ),
  'ready/mock': `import { reportWhenDone } from './one-call.js';\nimport { startMockServer } from '../src/testing/index.js';\nawait reportWhenDone(() => startMockServer());`,
  'ready/bare-prism': `import { reportWhenDone } from './one-call.js';\nimport { startBarePrism } from './bare-prism.js';\nawait reportWhenDone(startBarePrism);`,
};

/** Serves the generated entries above as modules of the bench folder. */
const generatedChildren = {
  name: 'generated-children',
  setup(b) {
    b.onResolve({ filter: /^child:/ }, (args) => ({ path: args.path.slice('child:'.length), namespace: 'child' }));
    b.onLoad({ filter: /.*/, namespace: 'child' }, (args) => ({
      contents: children[args.path],
      resolveDir: BENCH,
      loader: 'ts',
    }));
  },
};

/** Resolves imports of src/ to the same module in dist/, left as an external file URL. */
const srcToDist = {
  name: 'src-to-dist',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      if (!target.startsWith(SRC)) return undefined;
      return { path: pathToFileURL(join(DIST, relative(SRC, target))).href, external: true };
    });
  },
};

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: {
    main: join(BENCH, 'main.ts'),
    ...Object.fromEntries(Object.keys(children).map((name) => [name, `child:${name}`])),
  },
  outdir: OUT,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  plugins: [generatedChildren, srcToDist],
  logLevel: 'warning',
});

const home = mkdtempSync(join(tmpdir(), 'bench-home-'));
const child = spawn(process.execPath, ['--expose-gc', join(OUT, 'main.mjs'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, HOME: home },
});
// A run takes about three minutes on 2 quiet cores, several times that on a loaded machine; one that
// hangs is stopped rather than left running (each timed child has its own 30 s bound as well).
const watchdog = setTimeout(() => {
  console.error('bench: still running after 30 minutes; stopped');
  child.kill('SIGKILL');
}, 1_800_000);
child.on('exit', (code, signal) => {
  clearTimeout(watchdog);
  rmSync(home, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
