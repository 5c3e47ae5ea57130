// Property: for any JSON body, valid or not, the validator's verdict equals Prism's (204 vs 400 with an
// Error body). At least 2,000 generated bodies per run (PROPERTY_RUNS for more, PROPERTY_SEED to replay),
// valid and invalid mixed: extra keys, wrong types, null, both/neither of message_offset and timestamp,
// and integers around -1, 0, 2^31, 2^53.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isResetRequest, validateErrorBody, validateResetRequest } from '../../src/validate.js';
import { operationUrl, postRaw, useMockServer } from '../support/index.js';

const RUNS = Math.max(2000, Number(process.env['PROPERTY_RUNS'] ?? 0) || 0);
const SEED =
  process.env['PROPERTY_SEED'] === undefined
    ? Date.now() ^ (Math.random() * 2 ** 31)
    : Number(process.env['PROPERTY_SEED']);

const around = (n: number) => [n - 2, n - 1, n, n + 1, n + 2];
const BOUNDARIES = [
  ...around(-1),
  ...around(0),
  ...around(2 ** 31),
  -(2 ** 31),
  ...around(2 ** 32),
  2 ** 53 - 2,
  2 ** 53 - 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  2 ** 63,
  1e21,
  1e300,
  -0,
];

/** Integers near the bounds the spec sets, any integer, and any safe integer. */
const integerish = fc.oneof(fc.constantFrom(...BOUNDARIES), fc.integer(), fc.maxSafeInteger());
/** Finite doubles (JSON has no NaN or Infinity): fractions, huge and tiny numbers. */
const number = fc.oneof(
  integerish,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0.5, -0.5, 1.5, 2 ** 53 + 0.5, 1e-300),
);
const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);
const integerField = fc.oneof(
  { weight: 8, arbitrary: integerish },
  { weight: 1, arbitrary: number },
  { weight: 2, arbitrary: wrongType },
);
/** Topic names by Kafka's rule (1 to 249 of [a-zA-Z0-9._-]), with '.', '..' and the 249/250 bounds weighted in. */
const kafkaTopic = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^[a-zA-Z0-9._-]{1,20}$/) },
  { weight: 1, arbitrary: fc.constantFrom('.', '..', '...', 'a'.repeat(249), 'a'.repeat(250), 'orders\n') },
);
const topic = fc.oneof(
  { weight: 6, arbitrary: kafkaTopic },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: wrongType },
);
const extraKey = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'Topic',
    'messageOffset',
    'Message_Offset',
    'group',
    'dry_run',
    '',
  ),
);

/** A request-shaped object: each field present or not, typed right mostly, sometimes extra keys. */
const shaped = fc
  .record(
    {
      topic,
      partition: integerField,
      message_offset: integerField,
      timestamp: integerField,
      extra: fc.dictionary(extraKey, fc.jsonValue({ maxDepth: 1 }), { minKeys: 1, maxKeys: 2 }),
    },
    { requiredKeys: [] },
  )
  .map(({ extra, ...fields }) => {
    // JSON.parse, like the mock, keeps "__proto__" as an ordinary own key.
    const body = JSON.parse(JSON.stringify(fields)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(extra ?? {}))
      if (!(key in fields))
        Object.defineProperty(body, key, { value, enumerable: true, writable: true, configurable: true });
    return body;
  });

/** Mostly well-formed bodies (exactly one of the two fields), so valid and invalid are both frequent. */
const likelyValid = fc
  .record({
    topic: kafkaTopic,
    partition: fc.option(
      fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: -1, max: 2 ** 31 - 1 }) },
        { weight: 1, arbitrary: integerish },
      ),
      { nil: undefined },
    ),
    value: fc.oneof({ weight: 3, arbitrary: fc.maxSafeNat() }, { weight: 1, arbitrary: integerish }),
    byTimestamp: fc.boolean(),
  })
  .map(({ topic: t, partition, value, byTimestamp }) => ({
    topic: t,
    ...(partition === undefined ? {} : { partition }),
    [byTimestamp ? 'timestamp' : 'message_offset']: value,
  }));

const body = fc.oneof(
  { weight: 5, arbitrary: likelyValid },
  { weight: 5, arbitrary: shaped },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

describe('property: validator and Prism give the same verdict', () => {
  const mock = useMockServer();

  it(`for ${RUNS} generated bodies (seed ${SEED})`, { timeout: Math.max(120_000, RUNS * 60) }, async () => {
    const url = operationUrl(mock.url);
    const disagreements: Array<{ body: string; validator: boolean; prism: number; violations: string | null }> = [];
    let sent = 0;
    let valid = 0;
    const started = performance.now();
    await fc
      .assert(
        fc.asyncProperty(body, async (value) => {
          const raw = JSON.stringify(value);
          // What Prism parses is what the validator judges.
          const wire: unknown = JSON.parse(raw);
          const verdict = validateResetRequest(wire).valid;
          expect(isResetRequest(wire)).toBe(verdict);
          const answer = await postRaw(url, raw);
          sent++;
          if (verdict) valid++;
          const agrees = verdict
            ? answer.status === 204
            : answer.status === 400 && validateErrorBody(answer.json).valid;
          if (!agrees)
            disagreements.push({
              body: raw,
              validator: verdict,
              prism: answer.status,
              violations: answer.headers.get('sl-violations'),
            });
          return agrees;
        }),
        { numRuns: RUNS, seed: SEED },
      )
      .catch((error: unknown) => {
        console.error('validator/Prism disagreements:', JSON.stringify(disagreements, null, 2));
        throw error;
      });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `property: ${sent} bodies sent to Prism (${valid} valid, ${sent - valid} invalid) in ${seconds} s, seed ${SEED}: ${disagreements.length} disagreements`,
    );
    expect(disagreements).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(RUNS);
    // The mix is real: both verdicts are common.
    expect(valid).toBeGreaterThan(RUNS * 0.2);
    expect(sent - valid).toBeGreaterThan(RUNS * 0.2);
  });
});
