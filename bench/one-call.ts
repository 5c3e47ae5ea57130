// The body of every cold-start child (bench/cold/*.ts): set the peer up against the capture server
// (BENCH_ENDPOINT), make the call once, and tell the bench it is done and how much CPU that took.
import type { CreateCall } from './peers/peer.js';

/** The line a cold-start child writes once its first call is done (followed by its CPU µs). */
export const DONE = 'first-call-done';

export async function oneCall(createCall: CreateCall): Promise<void> {
  const endpoint = process.env['BENCH_ENDPOINT'];
  if (!endpoint) throw new Error('BENCH_ENDPOINT is not set');
  await createCall(endpoint)();
  // The child's own CPU time so far (all threads), in µs: unlike the wall clock, other load barely moves it.
  const cpu = process.cpuUsage();
  process.stdout.write(`${DONE} ${cpu.user + cpu.system}\n`);
}
