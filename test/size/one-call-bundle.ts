// The size budgets and their bundler: what a user's bundler ships for one call of this client, built
// from src/ by esbuild (minified, ESM, everything bundled) and measured after gzip -9, validation
// included. Enforced by bundle-budgets.test.ts; the bench (npm run bench) reports the same figures
// beside the other peers' bundles, which it measures with bundleSource too.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * Gzip bytes of the browser bundle of one call, per auth scheme. Where the bytes go (token entry, about
 * 7.4 KiB): openapi-fetch about 2.3 KiB, the precompiled validators (Ajv2020's output as ajv writes it)
 * about 1 KiB, the client's checks, errors, deadline, bounded body reading and redaction the rest.
 * The planned 7 / 8 KiB did not survive the hardening against hostile answers (bounded bodies, exact
 * redaction, errors naming their cause: about 0.9 KiB), validators shipped as ajv writes them (about
 * 0.5 KiB more than the old rewritten ones) and the portable contract (Kafka's topic rule, length bounds
 * that Python's and Java's `$` need: about 0.27 KiB); the guarantees were kept and the budgets set at
 * 7.5 / 8.5 KiB. Still more than 20x smaller than the official SDK's ~194 KiB. Raising one is a decision
 * to write down, not a fix for a failing test.
 */
export const GZIP_BUDGETS = { token: 7.5 * 1024, aksk: 8.5 * 1024 } as const;
export type BudgetedAuth = keyof typeof GZIP_BUDGETS;

const AUTH_SETUP: Readonly<Record<BudgetedAuth, { readonly name: string; readonly call: string }>> = {
  token: { name: 'tokenAuth', call: "tokenAuth('an-iam-token')" },
  aksk: { name: 'akskAuth', call: "akskAuth({ accessKey: 'AK', secretKey: 'SK' })" },
};

/**
 * The one call, as a user writes it (set up, call once, validation on), importing the package root
 * as `./src/index.ts`: bundle it with the repository root as `resolveDir`.
 */
export function oneCallSource(auth: BudgetedAuth): string {
  const { name, call } = AUTH_SETUP[auth];
  return `import { createResetOffsetClient, ${name} } from './src/index.ts';
const client = createResetOffsetClient({
  endpoint: 'https://dms.eu-de.otc.t-systems.com',
  projectId: '0123456789abcdef0123456789abcdef',
  auth: ${call},
  validate: true,
});
await client.resetMessageOffset({
  instanceId: '11111111-2222-3333-4444-555555555555',
  group: 'orders-consumer',
  body: { topic: 'orders', partition: 0, message_offset: 42 },
});
`;
}

export interface BundleSize {
  /** Bytes of the minified bundle. */
  readonly minified: number;
  /** Bytes of the minified bundle after gzip -9. */
  readonly gzip: number;
}

/**
 * Bundles `source` (TypeScript, imports relative to `resolveDir`) for `platform`, minified ESM. Throws
 * with esbuild's messages if it cannot be bundled (a missing export, a `node:` import in a browser
 * bundle), so nothing measures 0.
 */
export async function bundleSource(
  source: string,
  resolveDir: string,
  platform: 'browser' | 'node',
): Promise<Uint8Array> {
  const result = await build({
    stdin: { contents: source, resolveDir, sourcefile: 'one-call.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: platform === 'node' ? 'node20' : 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  return file.contents;
}

export function sizeOf(code: Uint8Array): BundleSize {
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}
