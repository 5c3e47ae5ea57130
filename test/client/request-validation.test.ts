// Contract violations are refused before anything is sent, each listed with its location and JSON
// path; unsafe integers are refused even with validate: false. The corpus here is the client's verdict
// against the validator's (the validator's own against the spec is test/contract/request-schema.test.ts).
import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/index.js';
import { validateResetRequest } from '../../src/validate.js';
import { BODY_CASES } from '../fixtures/request-bodies.js';
import { INSTANCE_ID, rejection, testClient } from '../support/index.js';
import { countingTokenAuth, recorder } from './helpers.js';

function setup(validate?: boolean) {
  const { auth, asked } = countingTokenAuth();
  const rec = recorder();
  const client = testClient({ auth, fetch: rec.fetch, ...(validate === undefined ? {} : { validate }) });
  // Bodies from the corpus are `unknown`: the point is what happens at run time.
  const send = (body: unknown, group = 'g') =>
    client.resetMessageOffset({ instanceId: INSTANCE_ID, group, body: body as never });
  return { rec, send, tokenAsked: asked };
}

async function violationsOf(promise: Promise<unknown>) {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(RequestValidationError);
  return (error as RequestValidationError).violations;
}

describe('the request-body corpus', () => {
  it.each(BODY_CASES.filter((c) => c.valid))('sends valid body: $name', async ({ body }) => {
    const { rec, send } = setup();
    await send(body);
    expect(rec.requests).toHaveLength(1);
  });

  it.each(BODY_CASES.filter((c) => !c.valid))(
    'refuses invalid body before sending: $name ($reason)',
    async ({ body }) => {
      const { rec, send, tokenAsked } = setup();
      const violations = await violationsOf(send(body));
      expect(violations.length).toBeGreaterThan(0);
      for (const v of violations) {
        expect(v.in).toBe('body');
        expect(v.path === '' || v.path.startsWith('/')).toBe(true);
        expect(v.message).not.toBe('');
      }
      expect(rec.requests).toHaveLength(0);
      expect(tokenAsked()).toBe(0);
      // The same code judges: every violation the validator names is one the client names, at the same place.
      const verdict = validateResetRequest(body);
      expect(verdict.valid).toBe(false);
      const clientPaths = new Set(violations.map((v) => v.path));
      if (!verdict.valid)
        for (const error of verdict.errors) expect(clientPaths, JSON.stringify(error)).toContain(error.path);
    },
  );
});

describe('violations name their place', () => {
  it('lists every violation, body and path, with JSON paths', async () => {
    const { send } = setup();
    const violations = await violationsOf(send({ topic: '', partition: -2, message_offset: 1, extra: true }, '..'));
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'path', path: '/group' }),
        expect.objectContaining({ in: 'body', path: '/topic' }),
        expect.objectContaining({ in: 'body', path: '/partition' }),
        expect.objectContaining({ in: 'body', path: '/extra' }),
      ]),
    );
  });

  it('says so when both or neither of message_offset and timestamp are given', async () => {
    const { send } = setup();
    expect(await violationsOf(send({ topic: 't', message_offset: 1, timestamp: 2 }))).toContainEqual(
      expect.objectContaining({ in: 'body', path: '', message: expect.stringContaining('exactly one') }),
    );
    expect(await violationsOf(send({ topic: 't' }))).toContainEqual(
      expect.objectContaining({ in: 'body', path: '', message: expect.stringContaining('exactly one') }),
    );
  });

  it('has a message naming each violation', async () => {
    const { send } = setup();
    const error = (await rejection(send({ topic: 't', partition: 1.5, message_offset: 1 }))) as RequestValidationError;
    expect(error.name).toBe('RequestValidationError');
    expect(error.message).toMatch(/^Request not sent, it breaks the contract: \/body\/partition must be integer$/);
  });

  it('refuses a body that is not an object', async () => {
    const { send } = setup();
    for (const body of [null, 'x', [], 42])
      expect(await violationsOf(send(body))).toEqual([{ in: 'body', path: '', message: 'must be a JSON object' }]);
  });
});

const UNSAFE: Array<[string, unknown]> = [
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
  ['a fraction', 1.5],
  ['2^53', 2 ** 53],
  ['2^63', 2 ** 63],
  ['a bigint', 42n],
  ['a huge bigint', 2n ** 63n],
];

describe.each([true, false])('unsafe integers (validate: %s)', (validate) => {
  it.each(UNSAFE)('refuses %s as message_offset, never rounding it', async (_name, value) => {
    const { rec, send } = setup(validate);
    const violations = await violationsOf(send({ topic: 't', message_offset: value }));
    expect(violations).toContainEqual(expect.objectContaining({ in: 'body', path: '/message_offset' }));
    expect(rec.requests).toHaveLength(0);
  });

  it.each(UNSAFE)('refuses %s as timestamp', async (_name, value) => {
    const { rec, send } = setup(validate);
    expect(await violationsOf(send({ topic: 't', timestamp: value }))).toContainEqual(
      expect.objectContaining({ path: '/timestamp' }),
    );
    expect(rec.requests).toHaveLength(0);
  });

  it.each(UNSAFE)('refuses %s as partition', async (_name, value) => {
    const { rec, send } = setup(validate);
    expect(await violationsOf(send({ topic: 't', partition: value, timestamp: 1 }))).toContainEqual(
      expect.objectContaining({ path: '/partition' }),
    );
    expect(rec.requests).toHaveLength(0);
  });
});

describe('validate: false', () => {
  it('sends a contract-breaking but safe body as given (the server decides)', async () => {
    const { rec, send } = setup(false);
    await send({ topic: 't', message_offset: 1, timestamp: 2 });
    expect(rec.requests[0]!.body).toBe('{"topic":"t","message_offset":1,"timestamp":2,"partition":-1}');
  });

  it('is on by default', async () => {
    const { rec, send } = setup();
    await expect(send({ topic: 't', message_offset: 1, timestamp: 2 })).rejects.toBeInstanceOf(RequestValidationError);
    expect(rec.requests).toHaveLength(0);
  });
});
