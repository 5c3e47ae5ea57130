// The one-mock-per-run recipe of docs/testing.md, as a consumer runs it: the packed tarball installed
// in a fresh project, vitest's globalSetup starting one mock, two copies of the docs' test file in
// parallel telling their records apart by tag, and a file of the mock's behaviours (Prefer checked,
// missing token, request IDs, preflight) against that same mock.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRISM_PACKAGES } from '../../src/testing/prism-server.js';
import { createConsumerProject, type ConsumerProject, strictConsumerTsconfig } from '../support/consumer-project.js';
import { packageFile } from '../support/run.js';
import { INSTANCE_ID, PROJECT_ID } from '../support/index.js';
import { docSection } from './testing-doc.js';

/** The recipe's files: each ```ts block of the section, named by its first line. */
function recipeFiles(): Array<{ path: string; source: string }> {
  return [...docSection('global-setup-example').matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map(([, block = '']) => {
    const path = /^\/\/ (\S+\.ts)\n/.exec(block)?.[1];
    if (!path) throw new Error(`a recipe block does not start with its file name:\n${block}`);
    return { path, source: block };
  });
}

// Not in the docs: what the mock does for a consumer, checked through the same globalSetup mock.
const BEHAVIOURS = `
import { expect, inject, it } from 'vitest';
import { MOCK_TAG_HEADER, recordedRequests } from 'dms-kafka-reset-offset/testing';

const mockUrl = inject('mockUrl');
const url = mockUrl + '/v2/${PROJECT_ID}/instances/${INSTANCE_ID}/management/groups/orders/reset-message-offset';
const post = (tag, headers = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-token': 't', [MOCK_TAG_HEADER]: tag, ...headers },
    body: '{"topic":"orders","message_offset":1}',
  });

it('a mistyped scenario is a 422 test-setup error, recorded as such', async ({ task }) => {
  for (const prefer of ['code=400, example=invalidtimestamp', 'code=404, example=Nope', 'code=418']) {
    const answer = await post(task.id, { prefer });
    expect(answer.status).toBe(422);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect((await answer.json()).asked).toBe(prefer);
  }
  const recorded = await recordedRequests(mockUrl, { tag: task.id });
  expect(recorded.map((r) => [r.kind, r.contract.valid])).toEqual(Array(3).fill(['test-setup-error', false]));
});

it('no credentials: the missing-token example', async ({ task }) => {
  const answer = await post(task.id, { 'x-auth-token': '' });
  expect([answer.status, await answer.json()]).toEqual([401, { error_code: 'DMS.10240103', error_msg: 'Missing token.' }]);
});

it('each answer has its own X-Request-Id, recorded with its request', async ({ task }) => {
  const ids = [];
  for (let i = 0; i < 3; i++) ids.push((await post(task.id)).headers.get('x-request-id'));
  expect(new Set(ids).size).toBe(3);
  expect((await recordedRequests(mockUrl, { tag: task.id })).map((r) => r.requestId)).toEqual(ids);
});

it('a CORS preflight is answered for the browser and recorded as a preflight', async ({ task }) => {
  const answer = await fetch(url, {
    method: 'OPTIONS',
    headers: { origin: 'http://page.example', 'access-control-request-method': 'POST', [MOCK_TAG_HEADER]: task.id },
  });
  expect(answer.status).toBe(204);
  expect(answer.headers.get('access-control-allow-origin')).toBe('http://page.example');
  const [recorded] = await recordedRequests(mockUrl, { tag: task.id });
  expect(recorded).toMatchObject({ kind: 'preflight', contract: { valid: true } });
});
`;

describe('the one-mock-per-run recipe, from the packed tarball', () => {
  let project: ConsumerProject;
  beforeAll(async () => {
    project = await createConsumerProject({ linkFromRepo: [...Object.keys(PRISM_PACKAGES), 'vitest'] });
  }, 240_000);
  afterAll(() => project?.cleanup());

  it('passes: two files share one mock and see only their own records, and the behaviours hold', async () => {
    const files = recipeFiles();
    expect(files.map((f) => f.path)).toEqual(['vitest.config.ts', 'test/mock-setup.ts', 'test/rewind.shared.test.ts']);
    for (const { path, source } of files) project.write(path, source);
    const test = files[2]!;
    project.write('test/rewind-copy.shared.test.ts', test.source);
    project.write('test/behaviours.shared.test.js', BEHAVIOURS);
    const vitest = join(project.dir, 'node_modules/vitest/vitest.mjs');
    const run = await project.run('node', [vitest, 'run'], { timeoutMs: 90_000, env: { CI: '1', NO_COLOR: '1' } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Test Files\s+3 passed \(3\)/);
    expect(run.stdout).toMatch(/Tests\s+8 passed \(8\)/);

    // The recipe type-checks under strict settings.
    project.write('tsconfig.recipe.json', strictConsumerTsconfig(files.map((f) => f.path)));
    const tsc = await project.run('node', [packageFile('typescript', 'bin/tsc'), '-p', 'tsconfig.recipe.json'], {
      timeoutMs: 60_000,
    });
    expect(tsc.stdout + tsc.stderr).toBe('');
  });
});
