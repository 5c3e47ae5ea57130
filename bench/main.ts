// `npm run bench` (through bench/run.mjs): every figure of every peer in one process run, printed as
// Markdown and written to bench/results.json; with --update-docs also into docs/benchmarks.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { entryFile, GZIP_BUDGETS, measureBundle, type BundleSize } from './bundle-size.js';
import { startCaptureServer } from './capture-server.js';
import { measureColdStart, redact } from './cold-start.js';
import { installFootprint, ownPackageFootprint, type Footprint } from './footprint.js';
import { describeMachine } from './machine.js';
import { ROOT } from './paths.js';
import { measurePerCall } from './per-call.js';
import { FLOOR, PEERS, type PeerId } from './peers/index.js';
import type { Call } from './peers/peer.js';
import { judgeGoals, renderMarkdown, type BenchResults, type PeerResult } from './report.js';
import { pairedRatios, summarize } from './stats.js';
import { measureValidatorThroughput } from './validator-throughput.js';
import { requestProblems } from './verify.js';

/** Where bench/run.mjs put the compiled cold-start children (our client imported from dist/). */
const BUILT_COLD = join(ROOT, 'bench', '.work', 'build', 'cold');

function intFromEnv(name: string, fallback: number, minimum: number): number {
  const raw = process.env[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) throw new Error(`${name} must be an integer >= ${minimum}`);
  return value;
}

// Defaults meet the issue (>= 2,000 calls per round after a warm-up, >= 11 cold starts per peer) and keep
// the whole run to about two minutes on 2 cores. Smaller values are for trying the harness out only.
const MINIMUM = { callsPerRound: 2000, coldStartChildren: 11 } as const;
const parameters = {
  rounds: intFromEnv('BENCH_ROUNDS', 11, 1),
  callsPerRound: intFromEnv('BENCH_CALLS', MINIMUM.callsPerRound, 1),
  warmupCalls: intFromEnv('BENCH_WARMUP', 1000, 0),
  coldStartChildren: intFromEnv('BENCH_COLD', MINIMUM.coldStartChildren, 1),
};
const belowMinimum =
  parameters.callsPerRound < MINIMUM.callsPerRound || parameters.coldStartChildren < MINIMUM.coldStartChildren;

const log = (message: string): void => {
  process.stderr.write(`bench: ${message}\n`);
};

function footprints(): Map<PeerId, Footprint> {
  const none: Footprint = { packages: 0, bytes: 0, list: [] };
  const own = ownPackageFootprint(ROOT);
  // The SDK's core requires uuid without declaring it: a working install needs it too.
  const sdk = installFootprint(['@huaweicloud/huaweicloud-sdk-kafka', 'uuid'], ROOT);
  return new Map<PeerId, Footprint>([
    ['raw-fetch', none],
    ['client-token', own],
    ['client-aksk', own],
    ['official-sdk', sdk],
    ['openapi-fetch', installFootprint(['openapi-fetch'], ROOT)],
    ['raw-node-http', none],
  ]);
}

async function main(): Promise<void> {
  const machine = describeMachine();
  log(`Node ${machine.node}, ${machine.cpu}, ${machine.cores} cores, load ${machine.loadAtStart.toFixed(2)}`);

  log('bundles and install footprints');
  const bundles = new Map<PeerId, BundleSize>();
  for (const peer of PEERS) bundles.set(peer.id, await measureBundle(entryFile(peer.id), 'node'));
  const browserToken = await measureBundle(entryFile('client-token'), 'browser');
  const browserAksk = await measureBundle(entryFile('client-aksk'), 'browser');
  const installs = footprints();

  log('validator throughput');
  const validator = measureValidatorThroughput(parameters.rounds, 200);

  const server = await startCaptureServer();
  try {
    log(`capture server at ${server.endpoint}; checking that every peer sends the same request`);
    const calls = new Map<PeerId, Call>();
    for (const peer of PEERS) {
      const call = peer.createCall(server.endpoint);
      server.reset();
      await call();
      const problems = requestProblems(peer, server.last());
      if (problems.length > 0)
        throw new Error(`${peer.id} sent a different request:\n  ${problems.map(redact).join('\n  ')}`);
      calls.set(peer.id, call);
    }

    log(`per call: ${parameters.rounds} rounds x ${parameters.callsPerRound} calls x ${PEERS.length} peers`);
    const perCall = await measurePerCall(calls, server, parameters);

    log(`cold start: ${parameters.coldStartChildren} children per peer`);
    const scripts = new Map<PeerId, string>(PEERS.map((p) => [p.id, join(BUILT_COLD, `${p.id}.mjs`)]));
    const cold = await measureColdStart(scripts, {
      children: parameters.coldStartChildren,
      env: { ...process.env, BENCH_ENDPOINT: server.endpoint },
    });

    const wall = (id: PeerId) => perCall.get(id)!.map((b) => b.wallUs);
    const cpu = (id: PeerId) => perCall.get(id)!.map((b) => b.cpuUs);
    const coldWall = (id: PeerId) => cold.get(id)!.map((c) => c.wallMs);
    const coldCpu = (id: PeerId) => cold.get(id)!.map((c) => c.cpuMs);
    const peers: PeerResult[] = PEERS.map((peer) => ({
      id: peer.id,
      label: peer.label,
      reference: peer.reference === true,
      perCallUs: summarize(wall(peer.id)),
      perCallRatio: summarize(pairedRatios(wall(peer.id), wall(FLOOR))),
      cpuPerCallUs: summarize(cpu(peer.id)),
      cpuPerCallRatio: summarize(pairedRatios(cpu(peer.id), cpu(FLOOR))),
      coldStartMs: summarize(coldWall(peer.id)),
      coldStartRatio: summarize(pairedRatios(coldWall(peer.id), coldWall(FLOOR))),
      coldStartCpuMs: summarize(coldCpu(peer.id)),
      coldStartCpuRatio: summarize(pairedRatios(coldCpu(peer.id), coldCpu(FLOOR))),
      bundle: bundles.get(peer.id)!,
      install: { packages: installs.get(peer.id)!.packages, bytes: installs.get(peer.id)!.bytes },
    }));
    const results: BenchResults = {
      generatedAt: new Date().toISOString(),
      machine,
      loadAtEnd: loadavg()[0] ?? 0,
      parameters,
      peers,
      browserBundles: {
        'client-token': { ...browserToken, budgetGzip: GZIP_BUDGETS['client-token'] },
        'client-aksk': { ...browserAksk, budgetGzip: GZIP_BUDGETS['client-aksk'] },
      },
      validator,
      goals: judgeGoals(peers),
      installed: Object.fromEntries([...installs].map(([id, footprint]) => [id, footprint.list])),
    };
    const markdown = renderMarkdown(results);
    process.stdout.write(`${markdown}\n`);
    if (belowMinimum) {
      // A trial run must not replace the published figures.
      log(
        `below the issue's minimums (${MINIMUM.callsPerRound} calls per round, ${MINIMUM.coldStartChildren} cold starts): bench/results.json and the docs left as they are`,
      );
      return;
    }
    writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    log('wrote bench/results.json');
    if (process.argv.includes('--update-docs')) updateDocs(markdown);
  } finally {
    await server.close();
  }
}

const START = '<!-- bench:start (written by npm run bench -- --update-docs) -->';
const END = '<!-- bench:end -->';

/** Replaces the figures between the markers of docs/benchmarks.md; the prose around them stays. */
function updateDocs(markdown: string): void {
  const file = join(ROOT, 'docs', 'benchmarks.md');
  const text = readFileSync(file, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`docs/benchmarks.md lacks the markers ${START} ... ${END}`);
  writeFileSync(file, `${text.slice(0, from + START.length)}\n${markdown}\n${text.slice(to)}`);
  log('updated docs/benchmarks.md');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${redact(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`,
  );
  process.exitCode = 1;
});
