import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Each test folder belongs to one project, named for what its tests need:
// - unit: Node alone (in-process code, node:http on 127.0.0.1, esbuild). No Prism, no Chromium, no npm pack,
//   no tsc. `npm run test:unit`, under 15 s.
// - contract: the spec and what is judged against it: validators, Prism's verdicts, redocly, the generator,
//   and the type check (test/types/typecheck.test.ts: one `tsc -p tsconfig.json` over src, test and
//   generated, whose verdict is also that of the type-level tests, the *.test-d.ts files).
// - package: what ships and how a consumer meets it: the tarball `npm pack` builds once per run
//   (globalSetup; suites get it from createConsumerProject or packedTarball), the test kit and its bin,
//   the command line, the release gate, other Node versions.
// - docs: the guides, the spec's code samples and the rendered page (Chromium).
// A new folder goes into the project whose needs it shares; one not listed would run nowhere, so vitest
// refuses to start until it is placed.
const FOLDERS = {
  unit: ['auth', 'builders', 'client', 'size'],
  contract: ['contract', 'spec', 'types'],
  // matrix and portability hold no vitest files: `npm run test:matrix` / `npm run test:portability` run them.
  package: ['cli', 'hostile', 'matrix', 'package', 'portability', 'release', 'testing'],
  docs: ['docs'],
} as const;

/** Folders of test/ that hold no tests of their own. */
const SHARED = ['fixtures', 'support'];

const unplaced = readdirSync(new URL('./test/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => !SHARED.includes(name) && !Object.values(FOLDERS).some((list) => list.includes(name as never)));
if (unplaced.length > 0) {
  throw new Error(`vitest.config.ts: put test/${unplaced.join(', test/')} into one of the projects (FOLDERS)`);
}

const tests = (folders: readonly string[]) => folders.map((folder) => `test/${folder}/**/*.test.ts`);

export default defineConfig({
  test: {
    // Suites start real processes (Prism, Chromium, tsc); give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Much of a suite's time is spent waiting for a child process (tsc, npm, Chromium) or for loopback
    // HTTP, so two files run at once even on 2 cores (vitest's default there would be one).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Files share a worker's loaded modules (src/, ajv, Prism, esbuild, playwright-core) instead of importing
    // them again for every file (about 6 s of a run); no suite replaces a global without restoring it, and
    // the servers, browsers and temporary folders each suite starts are its own.
    isolate: false,
    projects: [
      { extends: true, test: { name: 'unit', include: tests(FOLDERS.unit) } },
      { extends: true, test: { name: 'contract', include: tests(FOLDERS.contract) } },
      {
        extends: true,
        test: {
          name: 'package',
          include: tests(FOLDERS.package),
          globalSetup: ['test/support/pack-tarball.ts'],
        },
      },
      { extends: true, test: { name: 'docs', include: tests(FOLDERS.docs) } },
    ],
  },
});
