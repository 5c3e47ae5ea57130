// `npm run bench` (through bench/run.mjs): every figure of every peer in one process run, printed as
// Markdown and written to bench/results.json; with --update-docs also into docs/benchmarks.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import {
  bundleSource,
  GZIP_BUDGETS,
  oneCallSource,
  sizeOf,
  type BudgetedAuth,
  type BundleSize,
} from '../test/size/one-call-bundle.js';
import { startCaptureServer } from './capture-server.js';
import { builtChild, measureColdStart, redact } from './cold-start.js';
import { lockfileFootprint, ownPackageFootprint, type Footprint } from './footprint.js';
import { describeMachine } from './machine.js';
import { BENCH, ROOT } from './paths.js';
import { measurePerCall } from './per-call.js';
import { FLOOR, PEERS, type PeerId } from './peers/index.js';
import type { Call } from './peers/peer.js';
import { measureMockReady } from './mock-ready.js';
import { judgeGoals, renderMarkdown, type BenchResults, type PeerResult } from './report.js';
import { pairedRatios, summarize } from './stats.js';
import { measureValidatorThroughput } from './validator-throughput.js';
import { requestProblems } from './verify.js';

/** Where bench/run.mjs put the compiled children (our package imported from dist/). */
const BUILT = join(BENCH, '.work', 'build');

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
  const sdk = lockfileFootprint(BENCH, 'all');
  return new Map<PeerId, Footprint>([
    ['raw-fetch', none],
    ['client-token', own],
    ['client-aksk', own],
    ['official-sdk', sdk],
    ['openapi-fetch', lockfileFootprint(ROOT, 'runtime')],
    ['raw-node-http', none],
  ]);
}

/** The one call of a peer, as a user writes it: set up, call once (bundled for the size figures). */
function peerEntry(id: PeerId): string {
  return `import { DEFAULT_ENDPOINT } from './call.js';\nimport { createCall } from './peers/${id}.js';\nawait createCall(DEFAULT_ENDPOINT)();\n`;
}

async function browserBundle(auth: BudgetedAuth): Promise<BundleSize & { readonly budgetGzip: number }> {
  return { ...sizeOf(await bundleSource(oneCallSource(auth), ROOT, 'browser')), budgetGzip: GZIP_BUDGETS[auth] };
}

async function main(): Promise<void> {
  const machine = describeMachine();
  log(`Node ${machine.node}, ${machine.cpu}, ${machine.cores} cores, load ${machine.loadAtStart.toFixed(2)}`);

  log('bundles and install footprints');
  const bundles = new Map<PeerId, BundleSize>();
  for (const peer of PEERS) bundles.set(peer.id, sizeOf(await bundleSource(peerEntry(peer.id), BENCH, 'node')));
  const browserBundles = { 'client-token': await browserBundle('token'), 'client-aksk': await browserBundle('aksk') };
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
    const scripts = new Map(PEERS.map((p) => [p.id, builtChild(join(BUILT, 'cold', `${p.id}.mjs`))]));
    const cold = await measureColdStart(scripts, {
      children: parameters.coldStartChildren,
      env: { ...process.env, BENCH_ENDPOINT: server.endpoint },
    });

    log(`mock ready time: ${parameters.coldStartChildren} children each for the mock, bare Prism, prism mock`);
    const mockReady = await measureMockReady(BUILT, parameters.coldStartChildren);

    const wall = (id: PeerId) => perCall.get(id)!.map((b) => b.wallUs);
    const cpu = (id: PeerId) => perCall.get(id)!.map((b) => b.cpuUs);
    const coldWall = (id: PeerId) => cold.get(id)!.map((c) => c.wallMs);
    const coldCpu = (id: PeerId) =>
      cold.get(id)!.map((c) => {
        if (c.cpuMs === undefined) throw new Error(`${id}: a cold-start child did not report its CPU time`);
        return c.cpuMs;
      });
    const paired = (label: string, of: PeerId, over: PeerId) => ({
      label,
      wall: summarize(pairedRatios(wall(of), wall(over))),
      cpu: summarize(pairedRatios(cpu(of), cpu(over))),
    });
    const perCallPairs = {
      overOpenapiFetch: paired(
        'this client, token + validation ÷ openapi-fetch alone',
        'client-token',
        'openapi-fetch',
      ),
      akskOverToken: paired('this client, AK/SK ÷ token (both with validation)', 'client-aksk', 'client-token'),
    };
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
      perCallPairs,
      mockReady,
      browserBundles,
      validator,
      goals: judgeGoals(peers, perCallPairs, mockReady),
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
