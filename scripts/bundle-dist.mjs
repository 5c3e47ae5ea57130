// After tsc (npm run build): dist/index.js, the package root, becomes one module with everything it
// imports from this package (the generated validators included). Loading twenty small modules instead
// of one costs a process about 8 ms of its cold start. openapi-fetch stays an import: it is a
// dependency, and may be shared with the caller's own use of it.
//
// The modules the bundle absorbed are then removed, so that nothing can load a second copy of them
// (the test kit in dist/testing/ imports the root); their .d.ts files stay, they describe the API.
import { readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const entry = join(dist, 'index.js');
const result = await build({
  entryPoints: [entry],
  outfile: `${entry}.bundled`,
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: ['openapi-fetch'],
  // Readable output: minifying is the caller's bundler's job, and a stack trace should name our functions.
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
renameSync(`${entry}.bundled`, entry);

const root = fileURLToPath(new URL('..', import.meta.url));
for (const input of Object.keys(result.metafile.inputs)) {
  const file = resolve(root, input);
  // The bundle's own inputs inside dist/ (not generated/, which the package ships as it is).
  if (file.startsWith(dist) && file !== entry) rmSync(file);
}

// Every relative import left in dist/ must still resolve.
for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'))) {
  const path = join(dist, file);
  for (const [, specifier] of readFileSync(path, 'utf8').matchAll(
    /^(?:import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]/gm,
  )) {
    const target = resolve(dirname(path), specifier);
    try {
      readFileSync(target);
    } catch {
      throw new Error(`dist/${file} imports ${specifier}, which bundling removed (${relative(root, target)})`);
    }
  }
}
