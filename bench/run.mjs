// npm run bench: compiles the bench (TypeScript under bench/) with esbuild into bench/.work/build/, then
// runs it in a fresh Node with --expose-gc and HOME pointed at a temporary folder (the official SDK
// writes ~/.huaweicloud/application_id). Our client is not bundled into the bench: every import of src/
// is rewritten to the built dist/ (`npm run build`), so the bench times and cold-starts the code a user
// installs. Packages stay external and load from node_modules, as in a user's process.
// Extra arguments go to bench/main.ts (--update-docs rewrites the figures in docs/benchmarks.md).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src') + sep;
const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'bench', '.work', 'build');

if (!existsSync(join(DIST, 'index.js'))) {
  console.error('bench: dist/index.js is missing; run `npm run build` first (npm run bench does).');
  process.exit(1);
}

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
  entryPoints: [
    join(ROOT, 'bench', 'main.ts'),
    ...readdirSync(join(ROOT, 'bench', 'cold')).map((f) => join(ROOT, 'bench', 'cold', f)),
  ],
  outdir: OUT,
  outbase: join(ROOT, 'bench'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  plugins: [srcToDist],
  logLevel: 'warning',
});

const home = mkdtempSync(join(tmpdir(), 'bench-home-'));
const child = spawn(process.execPath, ['--expose-gc', join(OUT, 'main.mjs'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, HOME: home },
});
// A run takes about two minutes on 2 cores; one that hangs is stopped rather than left running.
const watchdog = setTimeout(() => {
  console.error('bench: still running after 10 minutes; stopped');
  child.kill('SIGKILL');
}, 600_000);
child.on('exit', (code, signal) => {
  clearTimeout(watchdog);
  rmSync(home, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
