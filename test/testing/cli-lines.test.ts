// The CLI's one line per request names what a record is: a call with its verdict, a CORS preflight,
// a broken test scenario, or a request the mock could not read.
import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../src/testing/index.js';
import { describeRequest } from '../../src/testing/run-cli.js';

const base: RecordedRequest = {
  kind: 'call',
  method: 'POST',
  path: '/v2/p/instances/i/management/groups/g/reset-message-offset',
  pathParams: null,
  headers: {},
  body: undefined,
  rawBody: '',
  contract: { valid: true },
  response: { status: 204 },
  requestId: '0123456789abcdef0123456789abcdef',
};

describe('describeRequest', () => {
  it('a preflight', () => {
    expect(describeRequest({ ...base, kind: 'preflight', method: 'OPTIONS' })).toBe(
      `OPTIONS ${base.path} -> 204 (CORS preflight)`,
    );
  });

  it('a test-setup error, with what was wrong with the scenario', () => {
    const line = describeRequest({
      ...base,
      kind: 'test-setup-error',
      contract: { valid: false, errors: [{ path: '/headers/prefer', message: 'Prefer asks for status 418' }] },
      response: { status: 422 },
    });
    expect(line).toBe(`POST ${base.path} -> 422 (test-setup error: Prefer asks for status 418)`);
  });

  it('a request the mock could not read', () => {
    const line = describeRequest({
      ...base,
      method: '',
      path: '',
      contract: {
        valid: false,
        errors: [{ path: '', message: 'is not an HTTP/1.1 request the mock can read (HPE_INVALID_METHOD)' }],
      },
      response: { status: 400 },
    });
    expect(line).toBe(
      '(unreadable request)  -> 400 (breaks the contract: request is not an HTTP/1.1 request the mock can read (HPE_INVALID_METHOD))',
    );
  });
});
