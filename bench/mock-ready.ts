// The mock's ready time in a fresh process, import included (what a suite that starts one mock per
// test file pays each time), beside bare Prism's own start: programmatic (the floor of any mock built on
// Prism's packages) and the `prism mock` CLI until it says it listens.
import { join } from 'node:path';
import { builtChild, measureColdStart, type Child, type ColdStart } from './cold-start.js';
import { ROOT } from './paths.js';
import type { BenchResults, ReadyTime } from './report.js';
import { pairedRatios, summarize } from './stats.js';

type ReadyId = 'mock' | 'barePrism' | 'prismCli';
/** startMockServer() from dist/testing, bare Prism's own packages, and the `prism mock` CLI until it listens. */
const readyChildren = (built: string) =>
  new Map<ReadyId, Child>([
    ['mock', builtChild(join(built, 'ready', 'mock.mjs'))],
    ['barePrism', builtChild(join(built, 'ready', 'bare-prism.mjs'))],
    [
      'prismCli',
      {
        args: [
          join(ROOT, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'),
          'mock',
          '-h',
          '127.0.0.1',
          '-p',
          '0',
          join(ROOT, 'generated', 'openapi.json'),
        ],
        ready: /Prism is listening on/,
      },
    ],
  ]);
const READY_LABELS: Readonly<Record<ReadyId, string>> = {
  mock: 'startMockServer() (this package, dist/testing)',
  barePrism: '*bare Prism, programmatic (its packages, the same settings, nothing else)*',
  prismCli: '*`prism mock` CLI, until it says it listens*',
};

function readyTimes(samples: ReadonlyMap<ReadyId, readonly ColdStart[]>): BenchResults['mockReady'] {
  const wall = (id: ReadyId) => samples.get(id)!.map((s) => s.wallMs);
  const result = (id: ReadyId): ReadyTime => {
    const cpu = samples.get(id)!.flatMap((s) => (s.cpuMs === undefined ? [] : [s.cpuMs]));
    return {
      label: READY_LABELS[id],
      wallMs: summarize(wall(id)),
      cpuMs: cpu.length > 0 ? summarize(cpu) : undefined,
      ratio: summarize(pairedRatios(wall(id), wall('barePrism'))),
    };
  };
  return { mock: result('mock'), barePrism: result('barePrism'), prismCli: result('prismCli') };
}

/** `children` samples each, alternated; `built` is where bench/run.mjs put the compiled children. */
export async function measureMockReady(built: string, children: number): Promise<BenchResults['mockReady']> {
  return readyTimes(await measureColdStart(readyChildren(built), { children, env: process.env }));
}
