// The consumer suites on the packed tarball (client calls, type checks, the mock), as test/matrix/run.mjs
// runs them under each Node.js, TypeScript and Prism of the matrix. Not part of `npm test`, which runs
// the same files on this machine's Node with the pinned tools.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export const CONSUMER_SUITES = ['test/package/consumer.test.ts', 'test/testing/tarball.test.ts'];

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: CONSUMER_SUITES,
    // The same tarball step as the package project: one `npm pack` for the cell's run.
    globalSetup: ['test/support/pack-tarball.ts'],
    // The same room as the main config: the suites start real processes (tsc, Prism).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
