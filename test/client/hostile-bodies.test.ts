// Bodies no API sends, from a hostile node:http server on 127.0.0.1: compression bombs (gzip, deflate,
// br), 100 MiB with a Content-Length, a chunked body that never ends, a body cut short. The calls run in
// a child process (hostile-memory-probe.ts, bundled here), so that the peak RSS and the heap growth it
// reports are the client's alone: first a call answered 204 (the baseline), then one per hostile body.
// Before the body limit, the 100 MiB body took 674 MiB and the gzip bomb more than 1.2 GiB.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RESPONSE_BODY_BYTES } from '../../src/index.js';
import { run } from '../support/index.js';
import { bigBodies, makeBombs, startHostileServer, type HostileServer } from './hostile-server.js';

interface ProbeResult {
  group: string;
  name: string;
  message?: string;
  bodyTruncated?: boolean;
  bodyLength?: number;
  ms: number;
  /** The process's peak so far: the largest of this call and the ones before it. */
  maxRssMiB: number;
  heapGrowthMiB: number;
}

// What a call may cost on top of a call answered 204, whatever the body: the limit is 64 KiB, and the
// figures before it were 385 MiB to over 1.2 GiB. The calls share one process, so the peak grows
// with each (about 25 MiB over all of them here): generous on purpose, garbage collection varies.
const MAX_EXTRA_RSS_MIB = 64;
const MAX_HEAP_GROWTH_MIB = 8;
const BIG = ['gzip-bomb', 'deflate-bomb', 'br-bomb', 'plain-100mb', 'endless'];

let server: HostileServer;
let dir: string;
const results = new Map<string, ProbeResult>();

beforeAll(async () => {
  server = await startHostileServer(bigBodies(makeBombs()));
  dir = mkdtempSync(join(tmpdir(), 'hostile-probe-'));
  const probeFile = join(dir, 'probe.mjs');
  await build({
    entryPoints: [new URL('./hostile-memory-probe.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: probeFile,
    logLevel: 'error',
  });
  const { code, stdout, stderr } = await run(
    'node',
    [probeFile, server.url, '10000', 'no-content', ...BIG, 'cut-short'],
    {
      env: { NODE_OPTIONS: '--expose-gc' },
    },
  );
  expect(code, stderr).toBe(0);
  for (const line of stdout.trim().split('\n')) {
    const result = JSON.parse(line) as ProbeResult;
    results.set(result.group, result);
  }
  // The figures themselves, for the record: `npx vitest run test/client/hostile-bodies.test.ts`.
  console.log(
    [...results.values()]
      .map(
        (r) =>
          `${r.group}: ${r.name}, peak RSS ${r.maxRssMiB.toFixed(1)} MiB, heap ${r.heapGrowthMiB >= 0 ? '+' : ''}${r.heapGrowthMiB.toFixed(2)} MiB`,
      )
      .join('\n'),
  );
});

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('memory stays bounded whatever the body', () => {
  it('the baseline: a call answered 204', () => {
    expect(results.get('no-content')).toMatchObject({ name: 'resolved' });
  });

  it.each(BIG)('%s: a ResetOffsetError with the first 64 KiB, the rest cancelled', (group) => {
    const baseline = results.get('no-content')!;
    const result = results.get(group)!;
    expect(result).toMatchObject({
      name: 'ResetOffsetError',
      bodyTruncated: true,
      bodyLength: MAX_RESPONSE_BODY_BYTES,
      message: 'HTTP 500 (no error_code in the body, body truncated)',
    });
    expect(result.maxRssMiB, JSON.stringify({ baseline, result })).toBeLessThan(baseline.maxRssMiB + MAX_EXTRA_RSS_MIB);
    expect(result.heapGrowthMiB, JSON.stringify(result)).toBeLessThan(MAX_HEAP_GROWTH_MIB);
  });

  it('a body cut short before the limit is a NetworkError naming the reason', () => {
    const result = results.get('cut-short')!;
    expect(result.name).toBe('NetworkError');
    expect(result.message).toMatch(/^Network error: terminated: other side closed/);
  });
});
