// Run in a child process of its own (bundled by esbuild, with --expose-gc) so that its memory figures
// are the client's alone: `probe.mjs <endpoint> <timeoutMs> <group>...` calls the endpoint once per
// group, in order, and prints one JSON line per call: how it ended, the process's peak RSS so far, and
// the heap growth over the call (garbage collected before and after).
import { createResetOffsetClient, toEarliest, tokenAuth } from '../../src/index.js';

const [endpoint = '', timeoutMs = '10000', ...groups] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const client = createResetOffsetClient({
  endpoint,
  projectId: '0123456789abcdef0123456789abcdef',
  auth: tokenAuth('MIIsecret-token-value-0123456789'),
  timeoutMs: Number(timeoutMs),
});

for (const group of groups) {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = Date.now();
  let outcome: Record<string, unknown>;
  // Kept alive until the heap is measured: what the caller holds is part of the cost.
  let kept: unknown;
  try {
    await client.resetMessageOffset({
      instanceId: '11111111-2222-3333-4444-555555555555',
      group,
      body: toEarliest('t'),
    });
    outcome = { name: 'resolved' };
  } catch (error) {
    kept = error;
    const e = error as Error & { body?: unknown; bodyTruncated?: unknown };
    const body = typeof e.body === 'string' ? e.body : JSON.stringify(e.body);
    outcome = { name: e.name, message: e.message, bodyTruncated: e.bodyTruncated, bodyLength: body?.length };
  }
  const ms = Date.now() - started;
  gc();
  const heapGrowthMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ group, ...outcome, ms, maxRssMiB, heapGrowthMiB, kept: kept !== undefined }));
}
