// The kit as a consumer gets it: the packed tarball installed into a fresh project outside the
// repository. Without Prism, startMockServer says what to install (and the client does not need it);
// with Prism, the mock starts, the client's call resolves, the packed validator and mock judge a valid
// and an invalid body alike, close() lets the process exit by itself, and the bin runs from
// node_modules/.bin. (The whole body corpus is judged against the source in test/contract.)
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRISM_PACKAGES } from '../../src/testing/prism-server.js';
import { createConsumerProject, type ConsumerProject, strictConsumerTsconfig } from '../support/consumer-project.js';
import { INSTANCE_ID, PROJECT_ID, TSC } from '../support/index.js';
import { ROOT } from '../support/spec.js';
import { consumerExample } from './testing-doc.js';

/** One body the contract accepts and one it refuses (both offset and timestamp). */
const CASES = [
  { name: 'valid', body: { topic: 'orders', message_offset: 1 }, valid: true },
  { name: 'both fields', body: { topic: 'orders', message_offset: 1, timestamp: 2 }, valid: false },
];

const PRISM = Object.keys(PRISM_PACKAGES);

// Runs in the consumer project: no test framework, plain Node, and no process.exit anywhere, so the
// process ends only if close() left nothing open.
const CONSUMER_SCRIPT = `
import { createResetOffsetClient, tokenAuth, toOffset, validateResetRequest } from 'dms-kafka-reset-offset';
import { startMockServer } from 'dms-kafka-reset-offset/testing';
import { readFileSync } from 'node:fs';

const cases = JSON.parse(readFileSync('cases.json', 'utf8'));
const started = performance.now();
const mock = await startMockServer();
const readyMs = Math.round(performance.now() - started);
const client = createResetOffsetClient({ endpoint: mock.url, projectId: '${PROJECT_ID}', auth: tokenAuth('consumer-secret-token') });
await client.resetMessageOffset({ instanceId: '${INSTANCE_ID}', group: 'orders-consumer', body: toOffset('orders', 10) });
const url = mock.url + '/v2/${PROJECT_ID}/instances/${INSTANCE_ID}/management/groups/orders-consumer/reset-message-offset';
const verdicts = [];
for (const { name, body } of cases) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-auth-token': 't' }, body: JSON.stringify(body) });
  await response.arrayBuffer();
  verdicts.push({ name, validator: validateResetRequest(body).valid, mock: response.status });
}
const recorded = mock.requests();
await mock.close();
console.log(JSON.stringify({ readyMs, first: recorded[0], count: recorded.length, verdicts }));
`;

const MISSING_PRISM_SCRIPT = `
import { validateResetRequest } from 'dms-kafka-reset-offset';
import { startMockServer } from 'dms-kafka-reset-offset/testing';
console.log(JSON.stringify({ validator: validateResetRequest({ topic: 't', message_offset: 1 }).valid }));
await startMockServer().then(
  () => console.log('started without Prism?'),
  (error) => console.log(JSON.stringify({ message: error.message })),
);
`;

describe('from a fresh project that installs the packed tarball', () => {
  describe('without Prism installed', () => {
    let project: ConsumerProject;
    beforeAll(async () => {
      project = await createConsumerProject();
    }, 240_000);
    afterAll(() => project?.cleanup());

    it('the client entry works, and startMockServer names the packages to install', async () => {
      project.write('missing.mjs', MISSING_PRISM_SCRIPT);
      const run = await project.run('node', ['missing.mjs'], { timeoutMs: 30_000 });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const [first, second] = run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(first).toEqual({ validator: true });
      expect(second?.['message']).toBe(
        'startMockServer needs Prism, an optional peer dependency of dms-kafka-reset-offset that is not installed. ' +
          'Install it in your project: npm install --save-dev @stoplight/prism-http@5.12.0 @stoplight/prism-http-server@5.12.2 @stoplight/prism-core@5.8.0',
      );
    });

    it("one validator: the client's check and the mock's verdict run the same module, the only one with the precompiled code", () => {
      const dist = join(project.dir, 'node_modules/dms-kafka-reset-offset/dist');
      const read = (file: string) => readFileSync(join(dist, file), 'utf8');
      const importsOf = (file: string) =>
        [...read(file).matchAll(/^(?:import|export)\s(?:[^;]*?from\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
      // A module and every module of this package it loads, transitively.
      const loads = (file: string, seen = new Set<string>()): Set<string> => {
        seen.add(file);
        for (const target of importsOf(file).filter((i) => i.startsWith('.'))) {
          const path = join(dirname(file), target);
          if (!seen.has(path)) loads(path, seen);
        }
        return seen;
      };
      const modules = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
      // The build (scripts/build.mjs) puts what entries share in dist/chunks/: the validators are one chunk.
      const withValidators = modules.filter((f) => /\bvalidate\d+\(/.test(read(f)));
      expect(withValidators).toHaveLength(1);
      expect(withValidators[0]).toMatch(/^chunks\//);
      expect([...loads('index.js')]).toContain(withValidators[0]);
      expect([...loads('testing/index.js')]).toContain(withValidators[0]);
      expect([...loads('testing/cli.js')]).toContain(withValidators[0]);
      // The root loads its own chunk and openapi-fetch, nothing else: no Node built-in, no generated/ file.
      expect([...loads('index.js')].flatMap((f) => importsOf(f).filter((i) => !i.startsWith('.')))).toEqual([
        'openapi-fetch',
      ]);
      expect(modules.filter((f) => importsOf(f).some((i) => i.includes('generated/')))).toEqual([]);
      // Nothing compiles a schema at run time: no module imports ajv.
      expect(modules.flatMap((f) => importsOf(f).filter((i) => /^ajv(\/|$)/.test(i)))).toEqual([]);
    });
  });

  describe('with Prism installed', () => {
    let project: ConsumerProject;
    beforeAll(async () => {
      // vitest too, for the docs' example (a consumer's own test runner).
      project = await createConsumerProject({ linkFromRepo: [...PRISM, 'vitest'] });
      project.write('cases.json', JSON.stringify(CASES.map(({ name, body }) => ({ name, body }))));
      project.write('consumer.mjs', CONSUMER_SCRIPT);
    }, 240_000);
    afterAll(() => project?.cleanup());

    it('startMockServer starts, the client call resolves, verdicts agree, and close() lets the process exit', async () => {
      const run = await project.run('node', ['consumer.mjs'], { timeoutMs: 60_000 });
      expect(run.stderr).toBe('');
      // Exit code 0 without process.exit: nothing was left open (a timeout would kill it with a signal).
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout) as {
        readyMs: number;
        first: Record<string, unknown>;
        count: number;
        verdicts: Array<{ name: string; validator: boolean; mock: number }>;
      };
      console.log(`tarball: startMockServer ready in ${result.readyMs} ms (cold process, Prism import included)`);
      expect(result.first).toMatchObject({
        method: 'POST',
        pathParams: { project_id: PROJECT_ID, instance_id: INSTANCE_ID, group: 'orders-consumer' },
        body: { topic: 'orders', partition: -1, message_offset: 10 },
        contract: { valid: true },
        response: { status: 204 },
        headers: { 'x-auth-token': '[REDACTED]' },
      });
      expect(JSON.stringify(result.first)).not.toContain('consumer-secret-token');
      expect(result.count).toBe(CASES.length + 1);
      const disagreements = result.verdicts.filter((v) => v.mock !== (v.validator ? 204 : 400));
      expect(disagreements).toEqual([]);
      expect(result.verdicts.map((v) => v.validator)).toEqual(CASES.map((c) => c.valid));
    });

    it('the bin runs from node_modules/.bin, prints each request, and stops on SIGINT', async () => {
      const child = spawn(join(project.dir, 'node_modules/.bin/dms-kafka-reset-offset-mock'), ['--port', '0'], {
        cwd: project.dir,
      });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        const deadline = Date.now() + 30_000;
        let match: RegExpExecArray | null = null;
        while (!(match = /curl -i -X POST '([^']+)' \\\n.*\n {2}-d '([^']+)'/.exec(stdout))) {
          if (child.exitCode !== null || Date.now() > deadline)
            throw new Error(`no example call printed:\n${stdout}\n${stderr}`);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        const response = await fetch(match[1]!, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-auth-token': 't' },
          body: match[2]!,
        });
        expect(response.status).toBe(204);
        while (!stdout.includes('-> 204 (meets the contract)')) {
          if (Date.now() > deadline) throw new Error(`request not printed:\n${stdout}`);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      } finally {
        child.kill('SIGINT');
      }
      expect(await exited).toBe(0);
      expect(stderr).toBe('');
    });

    it("the vitest example of docs/testing.md passes as the consumer's own test, and vitest exits by itself", async () => {
      const { path, source } = consumerExample();
      project.write(path, source);
      const vitest = join(project.dir, 'node_modules/vitest/vitest.mjs');
      const run = await project.run('node', [vitest, 'run', path], {
        timeoutMs: 90_000,
        env: { CI: '1', NO_COLOR: '1' },
      });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toMatch(/Tests\s+4 passed \(4\)/);
      // And it type-checks under strict settings (vitest's own declarations need Node's, hence skipLibCheck).
      project.write('tsconfig.example.json', strictConsumerTsconfig([path]));
      const tsc = await project.run('node', [TSC, '-p', 'tsconfig.example.json'], {
        timeoutMs: 60_000,
      });
      expect(tsc.stdout + tsc.stderr).toBe('');
    });
  });
});

it('the packages named in the message are the peer dependencies, at the versions tested here', async () => {
  const pkg = (await import(join(ROOT, 'package.json'), { with: { type: 'json' } })) as {
    default: Record<string, Record<string, string>>;
  };
  const { peerDependencies, peerDependenciesMeta, devDependencies } = pkg.default;
  expect(Object.keys(peerDependencies ?? {}).sort()).toEqual([...PRISM].sort());
  for (const name of PRISM) {
    expect(devDependencies?.[name]).toBe(PRISM_PACKAGES[name as keyof typeof PRISM_PACKAGES]);
    expect(peerDependenciesMeta?.[name]).toEqual({ optional: true });
  }
});
