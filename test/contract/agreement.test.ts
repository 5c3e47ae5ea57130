// The request-body corpus against the mock: Prism over raw HTTP gives each body its expected verdict
// (204, or 400 with a valid Error body), the mock's recording gives the validator's verdict, and the
// client's own request for each valid body is one the mock records as met. (The validator against the
// spec's own Ajv2020 is request-schema.test.ts; the client's pre-send check, test/client.)
import { describe, expect, it } from 'vitest';
import type { ResetMessageOffsetRequest } from '../../src/index.js';
import { validateErrorBody, validateResetRequest } from '../../src/validate.js';
import { BODY_CASES } from '../fixtures/request-bodies.js';
import { schemaValidator } from '../support/ajv.js';
import { GROUP, INSTANCE_ID, operationUrl, postJson, testClient, useMockServer } from '../support/index.js';

const errorSchema = schemaValidator('ErrorBody');

describe('corpus: the mock (Prism over HTTP) agrees with each expected verdict, and with the validator', () => {
  const mock = useMockServer();

  it('has at least 40 cases, valid and invalid, each with a reason and a unique name', () => {
    expect(BODY_CASES.length).toBeGreaterThanOrEqual(40);
    expect(BODY_CASES.filter((c) => c.valid).length).toBeGreaterThanOrEqual(10);
    expect(BODY_CASES.filter((c) => !c.valid).length).toBeGreaterThanOrEqual(30);
    expect(new Set(BODY_CASES.map((c) => c.name)).size).toBe(BODY_CASES.length);
    for (const c of BODY_CASES) expect(c.reason, c.name).not.toBe('');
  });

  it('sends every body exactly as written (JSON round-trips it unchanged)', () => {
    for (const { name, body } of BODY_CASES) expect(JSON.parse(JSON.stringify(body)), name).toEqual(body);
  });

  it.each(BODY_CASES)('$name -> valid=$valid ($reason)', async ({ body, valid }) => {
    // 1. Prism, over raw HTTP (the client would not send an invalid body).
    mock.clearRequests();
    const answer = await postJson(operationUrl(mock.url), body);
    if (valid) {
      expect(answer.status).toBe(204);
      expect(answer.text).toBe('');
    } else {
      expect(answer.status, answer.headers.get('sl-violations') ?? '').toBe(400);
      expect(errorSchema(answer.json)).toBe(true);
      expect(validateErrorBody(answer.json)).toEqual({ valid: true });
    }
    // 2. The mock's recording gives the validator's verdict, under /body.
    const validator = validateResetRequest(body);
    const [recorded] = mock.requests();
    expect(recorded?.contract).toEqual(
      validator.valid
        ? { valid: true }
        : { valid: false, errors: validator.errors.map((e) => ({ path: `/body${e.path}`, message: e.message })) },
    );

    // 3. A valid body sent by the client (partition filled in) is still one the mock accepts.
    if (valid) {
      mock.clearRequests();
      await testClient({ endpoint: mock.url }).resetMessageOffset({
        instanceId: INSTANCE_ID,
        group: GROUP,
        body: body as ResetMessageOffsetRequest,
      });
      expect(mock.requests()).toHaveLength(1);
      expect(mock.requests()[0]).toMatchObject({ contract: { valid: true }, response: { status: 204 } });
    }
  });
});
