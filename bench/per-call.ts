// Per-call cost in one process: every peer makes the same sequential calls against the capture server,
// peers alternated round by round (rotated order), a full garbage collection before each batch so that
// one peer's garbage is not collected on another peer's time.
import type { CaptureServer } from './capture-server.js';
import type { Call } from './peers/peer.js';
import { roundOrder } from './stats.js';

export interface PerCallOptions {
  readonly rounds: number;
  readonly callsPerRound: number;
  readonly warmupCalls: number;
}

const collectGarbage: () => void = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};

/** Microseconds per call of one batch: wall clock, and CPU time of this process (all threads). */
export interface BatchTime {
  readonly wallUs: number;
  readonly cpuUs: number;
}

async function timeBatch(call: Call, calls: number): Promise<BatchTime> {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i += 1) await call();
  const wallUs = Number(process.hrtime.bigint() - start) / 1000 / calls;
  const cpu = process.cpuUsage(cpuStart);
  return { wallUs, cpuUs: (cpu.user + cpu.system) / calls };
}

/**
 * One sample per round for each peer id in `calls`. The CPU time (user + system, the capture server's
 * share included, the same for every peer) barely moves when other processes compete for the cores,
 * while the wall clock does: on a busy machine, trust the CPU ratios more.
 */
export async function measurePerCall<Id extends string>(
  calls: ReadonlyMap<Id, Call>,
  server: CaptureServer,
  options: PerCallOptions,
): Promise<Map<Id, BatchTime[]>> {
  const ids = [...calls.keys()];
  const samples = new Map<Id, BatchTime[]>(ids.map((id) => [id, []]));
  // Warm-up, alternated too: JIT, connection pools and lazily loaded modules settle before timing.
  for (const id of ids) await timeBatch(calls.get(id)!, options.warmupCalls);
  for (let round = 0; round < options.rounds; round += 1) {
    for (const id of roundOrder(ids, round)) {
      collectGarbage();
      server.reset();
      samples.get(id)!.push(await timeBatch(calls.get(id)!, options.callsPerRound));
      // Every call must have reached the server: a peer that answered without sending is not measured.
      if (server.count() !== options.callsPerRound) {
        throw new Error(`${id}: ${server.count()} requests arrived for ${options.callsPerRound} calls`);
      }
    }
  }
  return samples;
}
