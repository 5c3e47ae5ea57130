// A new project installs the packed tarball and uses it as the README says: type-checks a consumer file
// under a strict and a non-strict tsconfig (both-fields and neither-field bodies are compile errors there
// too, through @ts-expect-error, and in an unmarked file beside it) and a use of the test kit's entry,
// without Prism installed, under the strict one; then calls a node:http server on 127.0.0.1 with a token
// and with AK/SK, gets a ResetOffsetError with the API's error_code, and is stopped before sending.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../src/auth/signing.js';
import { createConsumerProject, type ConsumerProject } from '../support/consumer-project.js';
import {
  apiLikeAnswer,
  codeBlocks,
  headingSection,
  introduction,
  startServer,
  TSC as REPO_TSC,
  type RunResult,
  type TestServer,
} from '../support/index.js';
import { ROOT } from '../support/spec.js';

// The Node matrix (test/matrix/) runs these checks with another TypeScript too (TypeScript 7's tsc).
const TSC = process.env['CONSUMER_TSC'] ?? REPO_TSC;
const here = (name: string) => readFileSync(new URL(`./consumer/${name}`, import.meta.url), 'utf8');

// skipLibCheck off: the package's declarations (and openapi-fetch's) are checked as a consumer's tsc would
// check them; skipDefaultLibCheck leaves out only TypeScript's own lib.*.d.ts (a second and more per run).
const COMMON = {
  target: 'ES2022',
  lib: ['ES2022', 'DOM'],
  types: [] as string[],
  skipLibCheck: false,
  skipDefaultLibCheck: true,
  rootDir: 'src',
};
const TSCONFIGS = {
  'tsconfig.strict.json': {
    compilerOptions: {
      ...COMMON,
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      outDir: 'out',
    },
    include: ['src'],
  },
  // With wrong/ beside src/: the one run says both that src/ compiles and that wrong/ does not.
  'tsconfig.loose.json': {
    compilerOptions: {
      ...COMMON,
      rootDir: '.',
      strict: false,
      module: 'ESNext',
      moduleResolution: 'Bundler',
      noEmit: true,
    },
    include: ['src', 'wrong'],
    // A strict consumer's file: without strictNullChecks, TypeScript does not narrow a ValidationResult
    // by `!result.valid` (a loose consumer compares `valid === false`).
    exclude: ['src/testing-entry.ts'],
  },
};

/** The places tsc reports errors at, as `file(line`: one per error, whatever its message. */
const errorPlaces = (result: RunResult) =>
  [...(result.stdout + result.stderr).matchAll(/^(\S[^(\n]*\(\d+),\d+\): error /gm)].map((match) => match[1]);

/** The TypeScript blocks of the README's top example and its "Using the client" section. */
function readmeBlocks(): string[] {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  return [
    ...codeBlocks(introduction(readme), 'ts'),
    ...codeBlocks(headingSection(readme, '## Using the client'), 'ts'),
  ];
}

let project: ConsumerProject;
let server: TestServer;

// One tsc run per tsconfig: the strict one also emits out/, which the call test runs. Both start in
// beforeAll and run side by side (each is one process waiting on its own CPU); the tests await them.
const compiled = new Map<string, Promise<RunResult>>();
function compile(config: string): Promise<RunResult> {
  if (!compiled.has(config)) compiled.set(config, project.run('node', [TSC, '-p', config]));
  return compiled.get(config)!;
}

/** Both bodies the contract forbids, unmarked: this file must not compile (unlike src/ beside it). */
const WRONG =
  "import type { ResetMessageOffsetRequest } from 'dms-kafka-reset-offset';\nexport const both: ResetMessageOffsetRequest = { topic: 't', message_offset: 1, timestamp: 2 };\nexport const neither: ResetMessageOffsetRequest = { topic: 't' };\n";

beforeAll(async () => {
  project = await createConsumerProject();
  project.write('src/consumer.ts', here('consumer.ts.txt'));
  project.write('src/testing-entry.ts', here('testing-entry.ts.txt'));
  project.write('entry-points.mjs', here('entry-points.mjs'));
  for (const [name, config] of Object.entries(TSCONFIGS)) project.write(name, JSON.stringify(config, null, 2));
  // The README's examples are type-checked with the consumer file (process.env without @types/node).
  readmeBlocks().forEach((code, i) =>
    project.write(`src/readme-${i}.ts`, `declare const process: { env: Record<string, string | undefined> };\n${code}`),
  );
  project.write('wrong/wrong.ts', WRONG);
  for (const config of Object.keys(TSCONFIGS)) void compile(config);
  server = await startServer(apiLikeAnswer);
}, 240_000);
afterAll(async () => {
  await server?.close();
  await project?.cleanup();
});

describe('a consumer project with the packed tarball installed', () => {
  it('has the README examples to check', () => {
    expect(readmeBlocks().length).toBeGreaterThanOrEqual(4);
  });

  it.each(Object.keys(TSCONFIGS))(
    'type-checks the consumer file and the README examples under %s (the strict one: the test kit entry too), without @types/node or Prism',
    async (config) => {
      const result = await compile(config);
      const output = result.stdout + result.stderr;
      // The loose run holds wrong/ too, which must fail (the next test): nothing else may be reported.
      const others = output.split('\n').filter((line) => line && !line.startsWith(' ') && !line.startsWith('wrong/'));
      expect(others, output).toEqual([]);
      if (config === 'tsconfig.strict.json') expect(result.code).toBe(0);
    },
  );

  it('fails to compile when a both-fields or neither-field body is not marked as expected', async () => {
    const result = await compile('tsconfig.loose.json');
    expect(result.code).not.toBe(0);
    expect(errorPlaces(result), result.stdout).toEqual(['wrong/wrong.ts(2', 'wrong/wrong.ts(3']);
  });

  it('calls the API with a token and with AK/SK, gets the error_code, and is stopped before sending', async () => {
    const strict = await compile('tsconfig.strict.json');
    expect(strict.code, strict.stdout).toBe(0);
    const before = server.requests.length;
    const result = await project.run('node', ['out/consumer.js', server.url]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      errorCode: 'DMS.00404022',
      status: 404,
      refused: ['path/group', 'body/message_offset', 'body'],
    });
    const [tokenCall, akskCall, missing, ...rest] = server.requests.slice(before);
    expect(rest).toEqual([]);
    expect(tokenCall!.headers['x-auth-token']).toBe('consumer-token');
    expect(tokenCall!.rawUrl).toContain('/groups/consumers%2Fone%20two/reset-message-offset');
    expect(JSON.parse(tokenCall!.body)).toEqual({ topic: 'orders', partition: -1, message_offset: 42 });
    expect(missing!.rawUrl).toContain('/groups/missing/');
    const authorization = String(akskCall!.headers.authorization);
    const headers = Object.fromEntries(
      ['content-type', 'host', 'x-project-id', 'x-sdk-date'].map((n) => [n, String(akskCall!.headers[n])]),
    );
    const expected = await signRequest(
      { accessKey: 'CONSUMERAK', secretKey: 'consumer-secret' },
      { method: 'POST', url: `http://${akskCall!.headers.host}${akskCall!.rawUrl}`, headers, body: akskCall!.body },
    );
    expect(authorization).toBe(expected.authorization);
  });

  it('reaches ./schema, ./openapi.json, ./openapi.yaml and ./package.json; CommonJS only through require(esm)', async () => {
    const result = await project.run('node', ['entry-points.mjs']);
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out).toMatchObject({
      openapi: '3.1.0',
      yamlStart: 'openapi: 3.1.0',
      version: expect.any(String),
      schemaExports: [],
    });
    expect(out.rootExports).toEqual(
      expect.arrayContaining([
        'createResetOffsetClient',
        'tokenAuth',
        'akskAuth',
        'ResetOffsetError',
        'RequestValidationError',
        'toEarliest',
        'validateResetRequest',
      ]),
    );
    expect(out.requireWorks).toBe(true);
  });
});
