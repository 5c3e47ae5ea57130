#!/usr/bin/env node
// How long a fresh process takes to have a mock ready (import included), median of N runs:
//   npm run build && node test/hostile/mock-ready.mjs 11
// MOCK_MODULE=path/to/dist/testing/index.js measures another build.
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const runs = Number(process.argv[2] ?? 11);
const module = process.env.MOCK_MODULE ?? new URL('../../dist/testing/index.js', import.meta.url).href;
const href = module.startsWith('file:') ? module : pathToFileURL(module).href;
// performance.now() counts from the process's start, so node's own boot is included.
const script = `const { startMockServer } = await import(${JSON.stringify(href)});
const mock = await startMockServer();
const ready = performance.now();
await mock.close();
console.log(Math.round(ready));`;
const times = [];
for (let i = 0; i < runs; i++) {
  times.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })));
}
times.sort((a, b) => a - b);
console.log(
  `ready in ms (${runs} fresh processes): median ${times[Math.floor(runs / 2)]}, min ${times[0]}, max ${times.at(-1)}`,
);
