// The body of every one-call entry: set the peer up, make the call once, say so. The same entries are
// bundled for the size figures (where the endpoint is the real one) and started as child processes for
// the cold-start figures (where BENCH_ENDPOINT points at the capture server).
import { DEFAULT_ENDPOINT } from './call.js';
import type { CreateCall } from './peers/peer.js';

/** The line a cold-start child writes once its first call is done (followed by its CPU µs). */
export const DONE = 'first-call-done';

export async function oneCall(createCall: CreateCall): Promise<void> {
  // globalThis.process: the entry is also bundled for browsers, where there is no process.
  const node = typeof process === 'object' ? process : undefined;
  await createCall(node?.env['BENCH_ENDPOINT'] ?? DEFAULT_ENDPOINT)();
  // The child's own CPU time so far (all threads), in µs: unlike the wall clock, other load barely moves it.
  const cpu = node?.cpuUsage();
  node?.stdout.write(`${DONE} ${cpu ? cpu.user + cpu.system : 0}\n`);
}
