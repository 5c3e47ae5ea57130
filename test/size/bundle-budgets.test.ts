// Size budgets: the browser bundle of a one-call entry (bench/entries/*.ts, the same entries the bench
// measures), esbuild with minification, ESM, platform browser, gzip -9. Deterministic, so it is a test;
// the timings are the bench's business (npm run bench).
import { describe, expect, it } from 'vitest';
import { bundleEntry, entryFile, GZIP_BUDGETS, sizeOf } from '../../bench/bundle-size.js';

const KIB = 1024;
const kib = (bytes: number): string => `${(bytes / KIB).toFixed(2)} KiB`;

async function bundleOrExplain(peer: keyof typeof GZIP_BUDGETS): Promise<Uint8Array> {
  try {
    return await bundleEntry(entryFile(peer), 'browser');
  } catch (error) {
    // esbuild's own messages say which import or export is missing, or which node: module crept in.
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`the one-call entry bench/entries/${peer}.ts could not be bundled for the browser:\n${detail}`);
  }
}

describe.each([
  ['client-token', 'token auth'],
  ['client-aksk', 'AK/SK signing'],
] as const)('browser bundle of the one-call entry %s (%s, validation on)', (peer, _auth) => {
  it('stays within its gzip budget', async () => {
    const size = sizeOf(await bundleOrExplain(peer));
    const budget = GZIP_BUDGETS[peer];
    expect(
      size.gzip,
      `${peer}: ${kib(size.gzip)} gzip (${kib(size.minified)} minified) exceeds the budget of ${kib(budget)} by ${kib(size.gzip - budget)}`,
    ).toBeLessThanOrEqual(budget);
  });

  it('contains the request validators, so the budget is measured with validation in', async () => {
    const code = new TextDecoder().decode(await bundleOrExplain(peer));
    // The precompiled ajv code reports where each error is, and the contract's largest integer is its bound.
    expect(code).toContain('instancePath');
    expect(code).toContain('9007199254740991');
  });
});
