// What a consumer's scenario gets: a Prefer header is checked against the spec (a mistyped one fails
// loudly, never as a success or as Prism's own "no such response"); automatic answers pick the example
// that fits; every answer has its own X-Request-Id; CORS preflights are answered for browsers; the log
// is bounded; the records can be read over HTTP by tests in another process.
import { describe, expect, it } from 'vitest';
import { recordedRequests, startMockServer } from '../../src/testing/index.js';
import { validateErrorBody } from '../../src/validate.js';
import { operationUrl, postJson, postRaw } from '../support/index.js';
import { useMockServer } from '../support/index.js';

const VALID = { topic: 'orders', partition: 0, message_offset: 10 };

describe('Prefer', () => {
  const mock = useMockServer({ clearEachTest: true });

  it.each([
    [
      'code=404, example=Nope',
      'Prefer asks for example Nope of status 404, which the spec does not document; status 404 has: InstanceNotFound.',
      { '404': ['InstanceNotFound'] },
    ],
    [
      'code=400, example=invalidtimestamp',
      'Did you mean InvalidTimestamp? Example names are case-sensitive.',
      {
        '400': [
          'InvalidRequestParameter',
          'InvalidTimestamp',
          'InvalidInstanceId',
          'InvalidGroupId',
          'InstanceStatusForbidsOperation',
        ],
      },
    ],
    [
      'code=418',
      'Prefer asks for status 418, which the spec does not document; it documents 204, 400, 401, 403, 404, 429, 500, 502, 503, 504.',
      undefined,
    ],
    ['code=204, example=Anything', 'status 204 has: none.', { '204': [] }],
    [
      'example=InstanceNotFound',
      'it is an example of status 404: send Prefer: code=404, example=InstanceNotFound.',
      undefined,
    ],
    ['dynamic=true', 'Prefer "dynamic=true" is not something the mock supports', undefined],
    ['code=404, code=500', 'Prefer names code twice (404 and 500).', undefined],
    ['code', 'Prefer "code" is not something the mock supports', undefined],
  ])('%s: a 422 test-setup error that says what was asked and what is documented', async (prefer, says, documented) => {
    const answer = await postJson(operationUrl(mock.url), VALID, { prefer });
    expect(answer.status).toBe(422);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    const body = answer.json as { title: string; detail: string; asked: string; documented: Record<string, string[]> };
    expect(body.title).toBe('Mock test-setup error: Prefer asks for a response the spec does not document');
    expect(body.detail).toContain(says);
    expect(body.asked).toBe(prefer);
    expect(body.documented).toEqual(documented ?? expect.objectContaining({ '404': ['InstanceNotFound'] }));
    // Not the API's error body: a consumer's error handling cannot take it for a documented answer.
    expect(validateErrorBody(answer.json).valid).toBe(false);
    const [recorded] = mock.requests();
    expect(recorded).toMatchObject({ kind: 'test-setup-error', response: { status: 422 } });
    expect(recorded?.contract).toEqual({ valid: false, errors: [{ path: '/headers/prefer', message: body.detail }] });
  });

  it('a documented scenario is served, names case-insensitive, values maybe quoted; the call is recorded as such', async () => {
    const answer = await postJson(operationUrl(mock.url), VALID, { prefer: 'Code=400, EXAMPLE="InvalidTimestamp"' });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error_code: 'DMS.00400142', error_msg: 'Timestamp is invalid.' });
    expect(mock.requests()[0]).toMatchObject({ kind: 'call', contract: { valid: true }, response: { status: 400 } });
  });

  it('an empty Prefer is no scenario: 204', async () => {
    expect((await postJson(operationUrl(mock.url), VALID, { prefer: ' ' })).status).toBe(204);
  });

  it('an invalid body with a scenario keeps both violations', async () => {
    const answer = await postJson(operationUrl(mock.url), { topic: 'orders' }, { prefer: 'code=999' });
    expect(answer.status).toBe(422);
    expect(mock.requests()[0]?.contract).toMatchObject({
      valid: false,
      errors: [{ path: '/body' }, { path: '/headers/prefer' }],
    });
  });
});

describe('automatic answers and request IDs', () => {
  const mock = useMockServer({ clearEachTest: true });

  it('no credentials at all: 401 with the missing-token example', async () => {
    const answer = await postRaw(operationUrl(mock.url), JSON.stringify(VALID), { 'x-auth-token': '' });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ error_code: 'DMS.10240103', error_msg: 'Missing token.' });
  });

  it('an invalid body: 400 with the invalid-parameter example', async () => {
    const answer = await postJson(operationUrl(mock.url), { topic: 'orders', message_offset: -1 });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error_code: 'DMS.00400062', error_msg: 'Invalid request parameter.' });
  });

  it('every answer has its own X-Request-Id (32 hex digits), recorded with its request', async () => {
    const answers = [
      await postJson(operationUrl(mock.url), VALID),
      await postJson(operationUrl(mock.url), VALID),
      await postJson(operationUrl(mock.url), { topic: '' }),
      await postJson(operationUrl(mock.url), VALID, { prefer: 'code=401, example=GatewayAuthenticationFailed' }),
      await postJson(operationUrl(mock.url), VALID, { prefer: 'code=418' }),
      await postRaw(operationUrl(mock.url), '{}', { 'content-type': 'text/plain' }),
    ];
    const ids = answers.map((a) => a.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(mock.requests().map((r) => r.requestId)).toEqual(ids);
  });
});

describe('CORS', () => {
  const mock = useMockServer({ clearEachTest: true });
  const origin = 'http://page.example';

  it('a preflight for the operation is answered as a browser needs it, and recorded as a preflight', async () => {
    const response = await fetch(operationUrl(mock.url), {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-auth-token,prefer',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-methods')).toBe('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type,x-auth-token,prefer');
    const [recorded] = mock.requests();
    expect(recorded).toMatchObject({
      kind: 'preflight',
      method: 'OPTIONS',
      contract: { valid: true },
      response: { status: 204 },
    });
  });

  it('a preflight for something else is refused and recorded as such', async () => {
    const response = await fetch(operationUrl(mock.url), {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'DELETE' },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
    expect(mock.requests()[0]).toMatchObject({ kind: 'preflight', contract: { valid: false } });
  });

  it('the call itself: the page may read the answer and its X-Request-Id', async () => {
    const answer = await postJson(operationUrl(mock.url), VALID, { origin });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
    expect(answer.headers.get('access-control-expose-headers')).toBe('X-Request-Id');
  });
});

describe('the bounded log, and records over HTTP', () => {
  it('keeps the newest maxRecords requests and counts the dropped ones, until clearRequests()', async () => {
    const mock = await startMockServer({ maxRecords: 3 });
    try {
      for (const topic of ['a', 'b', 'c', 'd', 'e']) await postJson(operationUrl(mock.url), { topic, timestamp: 1 });
      expect(mock.requests().map((r) => (r.body as { topic: string }).topic)).toEqual(['c', 'd', 'e']);
      expect(mock.droppedRequests()).toBe(2);
      mock.clearRequests();
      expect([mock.requests(), mock.droppedRequests()]).toEqual([[], 0]);
    } finally {
      await mock.close();
    }
  });

  it('refuses limits that are not integers in range', async () => {
    await expect(startMockServer({ maxRecords: -1 })).rejects.toThrow('maxRecords must be an integer');
    await expect(startMockServer({ maxBodyBytes: 0 })).rejects.toThrow(
      'maxBodyBytes must be an integer from 1 to 10485760',
    );
    await expect(startMockServer({ maxBodyBytes: 11 * 1024 * 1024 })).rejects.toThrow(RangeError);
  });

  it('recordedRequests(url, { tag }) reads the records of one X-Mock-Tag over HTTP, without recording itself', async () => {
    const mock = await startMockServer();
    try {
      await postJson(operationUrl(mock.url), { topic: 'one', timestamp: 1 }, { 'x-mock-tag': 'test-1' });
      await postJson(operationUrl(mock.url), { topic: 'two', timestamp: 1 }, { 'x-mock-tag': 'test-2' });
      await postJson(operationUrl(mock.url), { topic: 'none', timestamp: 1 });
      const one = await recordedRequests(mock.url, { tag: 'test-1' });
      expect(one.map((r) => r.body)).toEqual([{ topic: 'one', timestamp: 1 }]);
      expect(one[0]).toEqual(mock.requests()[0]);
      expect((await recordedRequests(mock.url)).map((r) => (r.body as { topic: string }).topic)).toEqual([
        'one',
        'two',
        'none',
      ]);
      expect(await recordedRequests(mock.url, { tag: 'other' })).toEqual([]);
      expect(mock.requests()).toHaveLength(3);
    } finally {
      await mock.close();
    }
  });
});
