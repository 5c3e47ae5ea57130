#!/usr/bin/env node
// `npm run build`: dist/ from src/ in one step. esbuild bundles every entry into dist/ under the same
// path (src/testing/cli.ts -> dist/testing/cli.js), with code splitting: what several entries import
// lives once, in a chunk under dist/chunks/ that each of them loads. That is how the client's checks
// and the mock's verdicts run one copy of the validators (src/validate.ts and generated/validators.js):
// by construction, not by convention. tsc writes the declarations (.d.ts) beside them, meanwhile;
// `--skip-declarations` (npm start: running the mock needs none) leaves them out, since tsc takes
// seconds where esbuild takes a fraction of one. The JavaScript is the same either way. tsc emits with
// --noCheck: the declarations are the same, a second faster (each test run packs once), and the type
// check is `npm run typecheck`'s, which npm test runs over the same sources.
//
// One module per entry also keeps cold start short: the root is dist/index.js and the shared chunk,
// not twenty small files. openapi-fetch stays an import (a dependency, maybe shared with the caller's
// own use of it), and so do Prism (the mock's optional peer) and Node's built-ins. Not minified:
// minifying is the caller's bundler's job, and a stack trace should name our functions.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';

/**
 * The package's entries: each is a public module (package.json "exports") or a program ("bin"), and
 * becomes dist/<the same path>.js. A new entry is one more line here and in package.json.
 */
const ENTRIES = ['src/index.ts', 'src/schema.ts', 'src/testing/index.ts', 'src/testing/cli.ts', 'src/cli/main.ts'];

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');

const declarations = !process.argv.includes('--skip-declarations');

rmSync(dist, { recursive: true, force: true });
await Promise.all([
  build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outbase: 'src',
    outdir: 'dist',
    // At the same depth as dist/testing/, so that a path relative to import.meta.url (the mock's
    // ../../generated/openapi.json) means the same file from a chunk as from the entry it came from.
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    // Neither browser nor Node: the root runs in both (it has no node: import, which a test checks).
    platform: 'neutral',
    target: 'es2022',
    external: ['openapi-fetch', '@stoplight/*', 'node:*'],
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
  }),
  declarations &&
    promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--noCheck'], { cwd: root }).catch(
      (error) => {
        throw new Error(`tsc (declarations) failed:\n${error.stdout}${error.stderr}`);
      },
    ),
]);

// Every file a module finds relative to its own URL must be there (esbuild moves code, not such paths).
for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'))) {
  const path = join(dist, file);
  for (const [, target] of readFileSync(path, 'utf8').matchAll(
    /new URL\(\s*['"](\.[^'"]+)['"],\s*import\.meta\.url/g,
  )) {
    if (!existsSync(join(dirname(path), target)))
      throw new Error(
        `dist/${file} reads ${target}, which is not there (${relative(root, join(dirname(path), target))})`,
      );
  }
}
