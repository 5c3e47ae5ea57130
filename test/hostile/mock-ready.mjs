#!/usr/bin/env node
// How long a fresh process takes to have a mock ready (import included), median of N runs:
//   npm run build && node test/hostile/mock-ready.mjs 11
// MOCK_MODULE=path/to/dist/testing/index.js measures another build; with MOCK_MODULE_B as well, the
// two are measured alternately (A, B, A, B, ...), so that a busy machine weighs on both alike.
// Wall time counts from the process's start (node's own boot included); CPU time is the process's
// user + system time at that moment, which a busy machine inflates far less.
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const runs = Number(process.argv[2] ?? 11);
const href = (module) => (module.startsWith('file:') ? module : pathToFileURL(module).href);
const modules = [
  href(process.env.MOCK_MODULE ?? new URL('../../dist/testing/index.js', import.meta.url).href),
  ...(process.env.MOCK_MODULE_B ? [href(process.env.MOCK_MODULE_B)] : []),
];
const script = (module) => `const { startMockServer } = await import(${JSON.stringify(module)});
const mock = await startMockServer();
const ready = performance.now();
const cpu = process.cpuUsage();
await mock.close();
console.log(JSON.stringify({ wall: ready, cpu: (cpu.user + cpu.system) / 1000 }));`;
const results = modules.map(() => ({ wall: [], cpu: [] }));
for (let i = 0; i < runs; i++) {
  for (const [m, module] of modules.entries()) {
    const out = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script(module)], { encoding: 'utf8' }),
    );
    results[m].wall.push(out.wall);
    results[m].cpu.push(out.cpu);
  }
}
const median = (xs) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
for (const [m, module] of modules.entries()) {
  const { wall, cpu } = results[m];
  console.log(
    `${module}\n  ready (${runs} fresh processes): wall median ${median(wall)} ms (min ${Math.round(Math.min(...wall))}, max ${Math.round(Math.max(...wall))}), CPU median ${median(cpu)} ms`,
  );
}
