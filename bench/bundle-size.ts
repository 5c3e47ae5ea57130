// Bundle size of a one-call entry: what a user's bundler would ship for that one call. esbuild with
// minification, ESM output, everything bundled (including packages), gzip at level 9. Shared by the
// bench (all peers) and the size budgets in test/size.
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ROOT } from './paths.js';
import type { PeerId } from './peers/index.js';

/**
 * The size budgets (issue 6) for the browser bundle (gzip bytes) of our one-call entries, with
 * validation in: enforced by test/size and reported by the bench. Where the bytes go (esbuild,
 * minified, gzip -9, token entry): openapi-fetch about 2.3 KiB, the precompiled validators about
 * 0.75 KiB, the client's checks, errors, deadline and redaction the rest. Lower them as the bundle
 * shrinks; raising one is a decision to write down, not a fix for a failing test.
 */
export const GZIP_BUDGETS = {
  'client-token': 6 * 1024,
  'client-aksk': 7.5 * 1024,
} as const satisfies Partial<Record<PeerId, number>>;

export interface BundleSize {
  /** Bytes of the minified bundle. */
  readonly minified: number;
  /** Bytes of the minified bundle after gzip -9. */
  readonly gzip: number;
}

/** The one-call entry of a peer (TypeScript source; our client is bundled from src/). */
export function entryFile(peer: PeerId): string {
  return join(ROOT, 'bench', 'entries', `${peer}.ts`);
}

/**
 * Bundles `entry` (minify, format esm) for `platform`. Throws with esbuild's messages if the entry
 * cannot be bundled (a missing export, a `node:` import in a browser bundle), so nothing measures 0.
 */
export async function bundleEntry(entry: string, platform: 'browser' | 'node'): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: platform === 'node' ? 'node20' : 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no output for ${entry}`);
  return file.contents;
}

export function sizeOf(code: Uint8Array): BundleSize {
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

export async function measureBundle(entry: string, platform: 'browser' | 'node'): Promise<BundleSize> {
  return sizeOf(await bundleEntry(entry, platform));
}
