// Path parameters: the mock refuses a malformed project_id, instance_id or group as the spec says (400
// with an Error body, Prism naming the parameter), accepts well-formed ones (204), and its verdict is the
// validator's and the client's. '.', '..' and '' cannot even be sent: a URL parser collapses them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RequestValidationError, toOffset } from '../../src/index.js';
import { validateErrorBody, validatePathParams, type PathParams } from '../../src/validate.js';
import { operationUrl, postJson, rejection, testClient, useMockServer } from '../support/index.js';
import { schemaExample } from '../support/spec.js';

// The spec's own examples: what the docs show must be what the mock accepts.
const PROJECT_ID = schemaExample('ProjectId');
const INSTANCE_ID = schemaExample('InstanceId');
const GROUP = schemaExample('Group');

type Name = keyof PathParams;
interface ParamCase {
  name: Name;
  value: string;
  valid: boolean;
  reason: string;
}
const ok = (name: Name, value: string, reason: string): ParamCase => ({ name, value, valid: true, reason });
const bad = (name: Name, value: string, reason: string): ParamCase => ({ name, value, valid: false, reason });

const PARAM_CASES: ParamCase[] = [
  ok('project_id', PROJECT_ID, 'the spec example'),
  ok('project_id', '0123456789abcdef0123456789abcdef', '32 lowercase hex digits'),
  bad('project_id', PROJECT_ID.toUpperCase(), 'lowercase only'),
  bad('project_id', PROJECT_ID.slice(1), '31 characters'),
  bad('project_id', `${PROJECT_ID}0`, '33 characters'),
  bad('project_id', `${PROJECT_ID.slice(1)}g`, 'g is not hex'),
  bad('project_id', '5d5ab6a3-cf61-4b3c-9a4c-f3f1e3a0b8c2', 'a UUID is not a project ID'),
  bad('project_id', `${PROJECT_ID} `, 'no whitespace'),
  ok('instance_id', INSTANCE_ID, 'the spec example'),
  ok('instance_id', INSTANCE_ID.toUpperCase(), 'hex digits of a UUID are case-insensitive'),
  bad('instance_id', INSTANCE_ID.replaceAll('-', ''), 'the dashes are part of the canonical form'),
  bad('instance_id', `{${INSTANCE_ID}}`, 'no braces'),
  bad('instance_id', `urn:uuid:${INSTANCE_ID}`, 'no URN prefix (the pattern is stricter than format: uuid)'),
  bad('instance_id', INSTANCE_ID.slice(0, -1), 'the last group has 12 digits'),
  bad('instance_id', `${INSTANCE_ID.slice(0, -1)}z`, 'z is not hex'),
  bad('instance_id', 'not-a-uuid', 'not a UUID'),
  bad('instance_id', `${INSTANCE_ID}\n`, 'no trailing newline'),
  ok('group', GROUP, 'the spec example'),
  ok('group', 'team/a', 'a slash is sent percent-encoded, one segment'),
  ok('group', 'a b?c#d%e', 'reserved characters are sent percent-encoded'),
  ok('group', 'Gruppe-ü-主', 'any Unicode'),
  ok('group', '...', 'three dots are an ordinary name'),
  ok('group', '.hidden', 'a leading dot is fine'),
  bad('group', 'a\u0000b', 'no NUL'),
  bad('group', 'line\nbreak', 'no control characters'),
  bad('group', '\u001f', 'no control characters'),
  bad('group', 'del\u007f', 'no DEL'),
];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Names that a URL parser collapses: the request would reach another path, never this operation. */
const UNSENDABLE = ['.', '..', ''];

const withParam = (c: { name: Name; value: string }): PathParams => ({
  project_id: PROJECT_ID,
  instance_id: INSTANCE_ID,
  group: GROUP,
  [c.name]: c.value,
});

describe('path parameters', () => {
  const mock = useMockServer({ clearEachTest: true });

  it.each(PARAM_CASES)('$name $value: valid=$valid ($reason)', async (c) => {
    const params = withParam(c);
    const verdict = validatePathParams(params);
    expect(verdict.valid).toBe(c.valid);

    const answer = await postJson(operationUrl(mock.url, params), toOffset('orders', 1));
    if (c.valid) {
      expect(answer.status).toBe(204);
    } else {
      expect(answer.status).toBe(400);
      expect(validateErrorBody(answer.json)).toEqual({ valid: true });
      // Prism names the parameter it refused.
      const violations = JSON.parse(answer.headers.get('sl-violations') ?? '[]') as Array<{ location: string[] }>;
      expect(violations.map((v) => v.location.join('.'))).toContain(`request.path.${c.name}`);
      expect(verdict).toEqual({ valid: false, errors: [expect.objectContaining({ path: `/${c.name}` })] });
    }
    const [recorded] = mock.requests();
    expect(recorded?.pathParams).toEqual(params);
    expect(recorded?.contract).toEqual(
      verdict.valid
        ? { valid: true }
        : { valid: false, errors: verdict.errors.map((e) => ({ ...e, path: `/path${e.path}` })) },
    );

    mock.clearRequests();
    const sent = testClient({ endpoint: mock.url, projectId: params.project_id }).resetMessageOffset({
      instanceId: params.instance_id,
      group: params.group,
      body: toOffset('orders', 1),
    });
    if (c.valid) {
      await expect(sent).resolves.toBeUndefined();
      expect(mock.requests()[0]?.pathParams).toEqual(params);
    } else {
      const error = await rejection(sent);
      expect(error).toBeInstanceOf(RequestValidationError);
      expect((error as RequestValidationError).violations).toEqual([
        expect.objectContaining({ in: 'path', path: `/${c.name}` }),
      ]);
      expect(mock.requests()).toEqual([]);
    }
  });

  it.each(UNSENDABLE)(
    'group %j: invalid, refused by the client, and never the operation if sent raw',
    async (group) => {
      expect(validatePathParams(withParam({ name: 'group', value: group })).valid).toBe(false);
      const client = testClient({ endpoint: mock.url, projectId: PROJECT_ID });
      await expect(
        client.resetMessageOffset({ instanceId: INSTANCE_ID, group, body: toOffset('orders', 1) }),
      ).rejects.toBeInstanceOf(RequestValidationError);
      expect(mock.requests()).toEqual([]);
      const answer = await postJson(operationUrl(mock.url, { group }), toOffset('orders', 1));
      const [recorded] = mock.requests();
      if (group === '') {
        // An empty segment survives URL parsing: Prism refuses it (minLength 1), the recording names the rule.
        expect(answer.status).toBe(400);
        expect(validateErrorBody(answer.json)).toEqual({ valid: true });
        expect(recorded?.contract).toEqual({
          valid: false,
          errors: [{ path: '/path/group', message: "must not be empty, '.', '..' or hold control characters" }],
        });
      } else {
        // '.' and '..' are removed by the URL parser: the request reaches another path, which has no route.
        expect(answer.status).toBe(404);
        expect(recorded?.pathParams).toBeNull();
        expect(recorded?.contract.valid).toBe(false);
      }
    },
  );

  it('property: for generated parameter values, the validator and Prism agree (500 runs)', async () => {
    const hex = (min: number, max: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFg-'), minLength: min, maxLength: max });
    const param = fc.oneof(
      fc.record({ name: fc.constant<Name>('project_id'), value: fc.oneof(hex(31, 33), fc.string({ maxLength: 34 })) }),
      fc.record({
        name: fc.constant<Name>('instance_id'),
        value: fc.oneof(
          fc.uuid().map((u) => (u.length % 2 ? u : u.toUpperCase())),
          hex(35, 37),
          fc.string({ maxLength: 37 }),
        ),
      }),
      fc.record({ name: fc.constant<Name>('group'), value: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }) }),
    );
    let runs = 0;
    let disagreements = 0;
    await fc.assert(
      fc.asyncProperty(
        // encodeURIComponent cannot encode a lone surrogate, and '.'/'..' never reach the operation.
        param.filter(({ value }) => !UNSENDABLE.includes(value) && !LONE_SURROGATE.test(value)),
        async (c) => {
          const params = withParam(c);
          const valid = validatePathParams(params).valid;
          const answer = await postJson(operationUrl(mock.url, params), toOffset('orders', 1));
          runs++;
          const agrees = valid ? answer.status === 204 : answer.status === 400;
          if (!agrees) disagreements++;
          return agrees;
        },
      ),
      { numRuns: 500 },
    );
    console.log(`path-params property: ${runs} requests, ${disagreements} disagreements`);
    expect(runs).toBeGreaterThanOrEqual(500);
  });
});
