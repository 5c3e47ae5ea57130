// The request-body corpus, judged three ways against its expected verdict: the validator
// (validateResetRequest), Prism over raw HTTP (204, or 400 with a valid Error body), and the client's
// pre-send check (RequestValidationError or not, and for a valid body the call resolving on the mock).
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createResetOffsetClient,
  RequestValidationError,
  tokenAuth,
  type ResetMessageOffsetRequest,
  type ResetOffsetClient,
} from '../../src/index.js';
import { isResetRequest, validateErrorBody, validateResetRequest } from '../../src/validate.js';
import { BODY_CASES } from '../fixtures/request-bodies.js';
import { schemaValidator } from '../support/ajv.js';
import { GROUP, INSTANCE_ID, PROJECT_ID, operationUrl, postJson } from '../testing/http.js';
import { useMockServer } from '../testing/use-mock.js';

const errorSchema = schemaValidator('Error');

/** The client's pre-send verdict: the violations it throws before sending, or null when it sent. */
async function clientVerdict(client: ResetOffsetClient, body: unknown) {
  try {
    await client.resetMessageOffset({ instanceId: INSTANCE_ID, group: GROUP, body: body as ResetMessageOffsetRequest });
    return null;
  } catch (error) {
    if (error instanceof RequestValidationError) return error.violations;
    throw error;
  }
}

describe('corpus: validator, mock (Prism over HTTP) and client agree with each expected verdict', () => {
  const mock = useMockServer();
  let client: ResetOffsetClient;
  beforeAll(() => {
    client = createResetOffsetClient({ endpoint: mock.url, projectId: PROJECT_ID, auth: tokenAuth('test-token') });
  });

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
    // 1. The validator.
    const validator = validateResetRequest(body);
    expect(validator.valid).toBe(valid);
    expect(isResetRequest(body)).toBe(valid);

    // 2. Prism, over raw HTTP (the client would not send an invalid body).
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
    // The mock's recording gives the validator's verdict, under /body.
    const [recorded] = mock.requests();
    expect(recorded?.contract).toEqual(
      validator.valid
        ? { valid: true }
        : { valid: false, errors: validator.errors.map((e) => ({ path: `/body${e.path}`, message: e.message })) },
    );

    // 3. The client's pre-send check (with the default validate: true), then the call itself.
    mock.clearRequests();
    const violations = await clientVerdict(client, body);
    if (valid) {
      expect(violations).toBeNull();
      expect(mock.requests()).toHaveLength(1);
      expect(mock.requests()[0]).toMatchObject({ contract: { valid: true }, response: { status: 204 } });
    } else {
      expect(violations).not.toBeNull();
      expect(mock.requests()).toEqual([]);
      // Same code: every violation the validator names is one the client names, at the same place.
      if (!validator.valid && violations) {
        const clientBodyPaths = new Set(violations.filter((v) => v.in === 'body').map((v) => v.path));
        for (const error of validator.errors) expect(clientBodyPaths, JSON.stringify(error)).toContain(error.path);
      }
    }
  });
});
