// Hostile consumer-group names against a real node:http server: either the server receives exactly one
// path segment that decodes to the input, or nothing is sent at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestValidationError, toEarliest } from '../../src/index.js';
import { INSTANCE_ID, PROJECT_ID, rejection, startServer, testClient, type TestServer } from '../support/index.js';
import { rawSegments } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const SENT = [
  'slash/inside',
  'question?mark',
  'hash#tag',
  'percent%sign',
  '%2F',
  '%2e%2e',
  '%',
  'with space',
  '消费组-ü',
  'emoji-🙂',
  "~!*()'",
  'back\\slash',
  '...',
  '.hidden',
  'a..b',
  '+plus&amp=eq;semi,comma:colon@at$dollar',
  '[brackets]{braces}|pipe^caret`backtick"quote<lt>gt',
];
const REFUSED_ALWAYS = ['', '.', '..', 'lone-\uD800-surrogate', '\uDFFF'];
const CONTROL = ['cr\rlf\n', 'tab\t', 'nul\u0000', 'del\u007F'];

const groupIndex = rawSegments(
  `/v2/${PROJECT_ID}/instances/${INSTANCE_ID}/management/groups/{group}/reset-message-offset`,
).indexOf('{group}');

async function sendsExactly(group: string, validate: boolean) {
  const before = server.requests.length;
  await testClient({ endpoint: server.url, validate }).resetMessageOffset({
    instanceId: INSTANCE_ID,
    group,
    body: toEarliest('orders'),
  });
  expect(server.requests.length).toBe(before + 1);
  const segments = rawSegments(server.requests.at(-1)!.rawUrl);
  // One segment more or less would shift the fixed parts: check them all.
  expect(segments.length).toBe(groupIndex + 2);
  expect(segments[groupIndex - 1]).toBe('groups');
  expect(segments[groupIndex + 1]).toBe('reset-message-offset');
  expect(decodeURIComponent(segments[groupIndex]!)).toBe(group);
}

async function refused(group: string, validate: boolean) {
  const before = server.requests.length;
  const error = await rejection(
    testClient({ endpoint: server.url, validate }).resetMessageOffset({
      instanceId: INSTANCE_ID,
      group,
      body: toEarliest('orders'),
    }),
  );
  expect(error).toBeInstanceOf(RequestValidationError);
  expect((error as RequestValidationError).violations).toContainEqual(
    expect.objectContaining({ in: 'path', path: '/group' }),
  );
  expect(server.requests.length).toBe(before);
}

describe('group names', () => {
  it.each(SENT)('%j arrives as one segment decoding to itself', (group) => sendsExactly(group, true));
  it.each(SENT)('%j arrives as one segment with validate: false too', (group) => sendsExactly(group, false));
  it.each(REFUSED_ALWAYS)('%j is never sent, not even with validate: false', async (group) => {
    await refused(group, true);
    await refused(group, false);
  });
  it.each(CONTROL)('%j (control characters) is refused by the contract', (group) => refused(group, true));
  it.each(CONTROL)('%j is sent encoded when validation is off', (group) => sendsExactly(group, false));
});

describe('project and instance IDs', () => {
  it.each([
    ['projectId', { projectId: '..' }, '/project_id'],
    ['projectId', { projectId: 'ABCDEF' }, '/project_id'],
    ['instanceId', { instanceId: '..' }, '/instance_id'],
    ['instanceId', { instanceId: 'not-a-uuid' }, '/instance_id'],
    ['instanceId', { instanceId: '' }, '/instance_id'],
  ])('a malformed %s (%o) is refused before sending', async (_name, change, path) => {
    const c = testClient({ endpoint: server.url, ...('projectId' in change ? change : {}) });
    const before = server.requests.length;
    const error = await rejection(
      c.resetMessageOffset({
        instanceId: INSTANCE_ID,
        group: 'g',
        body: toEarliest('t'),
        ...('instanceId' in change ? change : {}),
      }),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).violations.map((v) => v.path)).toContain(path);
    expect(server.requests.length).toBe(before);
  });

  it('dot segments in IDs are refused even with validate: false', async () => {
    const c = testClient({ endpoint: server.url, projectId: '.', validate: false });
    await expect(c.resetMessageOffset({ instanceId: '..', group: 'g', body: toEarliest('t') })).rejects.toMatchObject({
      violations: [
        { in: 'path', path: '/project_id', message: expect.stringContaining("'.'") },
        { in: 'path', path: '/instance_id', message: expect.stringContaining("'..'") },
      ],
    });
  });
});
