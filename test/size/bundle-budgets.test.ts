// Size budgets: the browser bundle of one call of this client (one-call-bundle.ts), esbuild with
// minification, ESM, platform browser, gzip -9. Deterministic, so it is a test; the timings are the
// bench's business (npm run bench).
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/spec.js';
import { bundleSource, GZIP_BUDGETS, oneCallSource, sizeOf } from './one-call-bundle.js';

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KiB`;

async function bundleOrExplain(auth: keyof typeof GZIP_BUDGETS): Promise<Uint8Array> {
  try {
    return await bundleSource(oneCallSource(auth), ROOT, 'browser');
  } catch (error) {
    // esbuild's own messages say which import or export is missing, or which node: module crept in.
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`the one-call entry (${auth}) could not be bundled for the browser:\n${detail}`);
  }
}

describe.each([
  ['token', 'tokenAuth'],
  ['aksk', 'akskAuth'],
] as const)('browser bundle of one call with %s (%s, validation on)', (auth, name) => {
  it('stays within its gzip budget', async () => {
    const size = sizeOf(await bundleOrExplain(auth));
    const budget = GZIP_BUDGETS[auth];
    expect(
      size.gzip,
      `${auth}: ${kib(size.gzip)} gzip (${kib(size.minified)} minified) exceeds the budget of ${kib(budget)} by ${kib(size.gzip - budget)}`,
    ).toBeLessThanOrEqual(budget);
  });

  it('contains the request validators and the auth scheme it names, so the budget covers them', async () => {
    const code = new TextDecoder().decode(await bundleOrExplain(auth));
    // The precompiled ajv code reports where each error is, and the contract's largest integer is its bound.
    expect(code).toContain('instancePath');
    expect(code).toContain('9007199254740991');
    expect(oneCallSource(auth)).toContain(name);
    if (auth === 'aksk') expect(code).toContain('SDK-HMAC-SHA256');
    else expect(code).toContain('X-Auth-Token');
  });
});
