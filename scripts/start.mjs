#!/usr/bin/env node
// `npm start`: compiles the mock program, src/testing/ (and what it imports), with the package's build
// settings and runs it: the same startMockServer consumers get. PORT (default 4010) and HOST
// (default 127.0.0.1) choose where it listens; arguments (`npm start -- --port 0`) win over both.
//
// It compiles into .tmp/start/ (MOCK_BUILD_DIR to change), never into dist/: dist/ belongs to
// `npm pack`, and a mock started during a pack must not race it. Compiling takes about 1 s.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin/tsc');
const buildDir = resolve(root, process.env.MOCK_BUILD_DIR ?? '.tmp/start');

rmSync(join(buildDir, 'dist'), { recursive: true, force: true });
mkdirSync(buildDir, { recursive: true });
// The package's build settings, for the mock program and what it imports only (not the client).
const tsconfig = join(buildDir, 'tsconfig.json');
writeFileSync(
  tsconfig,
  JSON.stringify({
    extends: join(root, 'tsconfig.build.json'),
    compilerOptions: { rootDir: join(root, 'src'), outDir: join(buildDir, 'dist'), declaration: false },
    include: [],
    files: [join(root, 'src/testing/cli.ts'), join(root, 'src/testing/index.ts')],
  }),
);
try {
  execFileSync(process.execPath, [tsc, '-p', tsconfig], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
} catch {
  console.error('npm start: compiling src/testing failed (see above).');
  process.exit(1);
}
// The compiled code finds generated/ beside dist/, as in the published package.
// Re-linked every time: a link left by a checkout at another path would point nowhere.
const generated = join(buildDir, 'generated');
try {
  unlinkSync(generated); // the link only, never what it points to
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
symlinkSync(join(root, 'generated'), generated, 'junction');

const args = process.argv.slice(2);
const fromEnv = ['--port', process.env.PORT ?? '4010', '--host', process.env.HOST ?? '127.0.0.1'];
const { runMockCli } = await import(pathToFileURL(join(buildDir, 'dist/testing/run-cli.js')).href);
process.exitCode = await runMockCli([...fromEnv, ...args]);
