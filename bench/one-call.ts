// The body of every one-call entry: set the peer up, make the call once, say so. The same entries are
// bundled for the size figures (where the endpoint is the real one) and started as child processes for
// the cold-start figures (where BENCH_ENDPOINT points at the capture server).
import { DEFAULT_ENDPOINT } from './call.js';
import type { CreateCall } from './peers/peer.js';

/** The line a cold-start child writes once its first call is done. */
export const DONE = 'first-call-done';

export async function oneCall(createCall: CreateCall): Promise<void> {
  // globalThis.process: the entry is also bundled for browsers, where there is no process.
  const node = typeof process === 'object' ? process : undefined;
  await createCall(node?.env['BENCH_ENDPOINT'] ?? DEFAULT_ENDPOINT)();
  node?.stdout.write(`${DONE}\n`);
}
