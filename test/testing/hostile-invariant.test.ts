// One invariant over a wide mix of requests, ordinary and hostile: for every recorded request without a
// Prefer header, the recorded verdict says "meets the contract" exactly when the mock answered 2xx.
import { describe, expect, it } from 'vitest';
import { startMockServer } from '../../src/testing/index.js';
import { BODY_CASES } from '../fixtures/request-bodies.js';
import { INSTANCE_ID, PROJECT_ID, operationUrl } from '../support/index.js';
import { rawRequest } from './raw-socket.js';

const PATH = `/v2/${PROJECT_ID}/instances/${INSTANCE_ID}/management/groups/orders-consumer/reset-message-offset`;
const VALID = '{"topic":"orders","message_offset":1}';

/** Requests for fetch: [method, url suffix or full path, headers, body]. */
function fetchCases(base: string): Array<[string, string, Record<string, string>, string | undefined]> {
  const json = { 'content-type': 'application/json', 'x-auth-token': 't' };
  const cases: Array<[string, string, Record<string, string>, string | undefined]> = [];
  for (const { body } of BODY_CASES) cases.push(['POST', operationUrl(base), json, JSON.stringify(body)]);
  const url = operationUrl(base);
  cases.push(
    ['POST', url, { 'content-type': 'application/json' }, VALID],
    ['POST', url, { 'content-type': 'application/json', 'x-auth-token': '' }, VALID],
    [
      'POST',
      url,
      { 'content-type': 'application/json', authorization: 'SDK-HMAC-SHA256 Access=a, SignedHeaders=x, Signature=s' },
      VALID,
    ],
    ['POST', url, { ...json, 'content-type': 'application/json;charset=utf-8' }, VALID],
    ['POST', url, { ...json, 'content-type': 'application/json; charset=latin1' }, VALID],
    ['POST', url, { ...json, 'content-type': 'application/merge-patch+json' }, VALID],
    ['POST', url, { ...json, 'content-type': 'multipart/form-data; boundary=x' }, VALID],
    ['POST', url, json, undefined],
    ['POST', url, json, ''],
    ['POST', url, json, 'null'],
    ['POST', url, json, '{"topic":"orders","message_offset":1'],
    ['POST', url, json, `\ufeff${VALID}`],
    ['POST', url, { ...json, accept: 'text/html' }, VALID],
    ['POST', `${url}?debug=1&x`, json, VALID],
    ['POST', operationUrl(base, { project_id: 'ABC' }), json, VALID],
    ['POST', operationUrl(base, { instance_id: 'nope' }), json, VALID],
    ['POST', operationUrl(base, { group: 'a'.repeat(300) }), json, VALID],
    ['POST', url.replace('/orders-consumer/', '/%E0%A4%A/'), json, VALID],
    ['POST', url.replace('/reset-message-offset', '/reset-message-offset/'), json, VALID],
    ['POST', `${base}/v2/${PROJECT_ID}/instances`, json, VALID],
    ['GET', url, { 'x-auth-token': 't' }, undefined],
    ['PUT', url, json, VALID],
    ['DELETE', url, json, undefined],
    ['PATCH', url, json, VALID],
    ['HEAD', url, json, undefined],
    ['OPTIONS', url, {}, undefined],
    ['OPTIONS', url, { origin: 'http://page.example', 'access-control-request-method': 'POST' }, undefined],
    ['OPTIONS', url, { origin: 'http://page.example', 'access-control-request-method': 'DELETE' }, undefined],
    ['POST', url, { ...json, origin: 'http://page.example' }, VALID],
  );
  return cases;
}

/** Requests no HTTP client would send: [head, body]. */
const RAW_CASES: Array<[string, Buffer]> = [
  [`POST // HTTP/1.1\r\nhost: m`, Buffer.alloc(0)],
  [`POST * HTTP/1.1\r\nhost: m\r\ncontent-length: 2`, Buffer.from('{}')],
  [
    `POST http://elsewhere.invalid${PATH} HTTP/1.1\r\nhost: m\r\nx-auth-token: t\r\ncontent-type: application/json\r\ncontent-length: ${VALID.length}`,
    Buffer.from(VALID),
  ],
  [
    `POST ${PATH} HTTP/1.1\r\nhost: m\r\nx-auth-token: t\r\ncontent-type: application/json\r\ncontent-length: 6`,
    Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x7d]),
  ],
  [
    `POST ${PATH} HTTP/1.1\r\nhost: m\r\nx-auth-token: t\r\ncontent-type: application/json\r\ncontent-length: 40000`,
    Buffer.alloc(40000, 0x20),
  ],
  [
    `POST ${PATH} HTTP/1.1\r\nhost: m\r\nx-auth-token: t\r\ncontent-type: application/json\r\ncontent-length: 10000`,
    Buffer.from('['.repeat(5000) + ']'.repeat(5000)),
  ],
  [
    `POST ${PATH} HTTP/1.1\r\nhost: m\r\nx-auth-token: t\r\ncontent-type: application/json, text/plain\r\ncontent-length: ${VALID.length}`,
    Buffer.from(VALID),
  ],
  [
    `POST ${PATH} HTTP/1.1\r\nhost: m\r\nx-auth-token: t\r\ncontent-type: application/json; charset=utf-16le\r\ncontent-length: ${VALID.length * 2}`,
    Buffer.from(VALID, 'utf16le'),
  ],
  [
    `POST ${PATH} HTTP/1.1\r\nhost: m\r\n${Array.from({ length: 1200 }, (_, i) => `x-${i}: v`).join('\r\n')}\r\nx-auth-token: t\r\ncontent-type: application/json\r\ncontent-length: ${VALID.length}`,
    Buffer.from(VALID),
  ],
  [
    `POST ${PATH} HTTP/1.1\r\nhost: m\r\nx-auth-token: t\r\ncontent-type: application/json\r\ncontent-length: ${VALID.length}\r\nx-pad: ${'p'.repeat(17000)}`,
    Buffer.from(VALID),
  ],
  [`BREW ${PATH} HTTP/1.1\r\nhost: m`, Buffer.alloc(0)],
  [`POST ${PATH} HTTP/1.1\r\nhost: m\r\ncontent-length: -1`, Buffer.alloc(0)],
];

describe('for every recorded request without Prefer, contract.valid is true exactly when the answer is 2xx', () => {
  it('holds over the body corpus, header and path variants, other methods and hostile framing', async () => {
    const mock = await startMockServer();
    try {
      const statuses: number[] = [];
      for (const [method, url, headers, body] of fetchCases(mock.url)) {
        const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
        await response.arrayBuffer();
        statuses.push(response.status);
      }
      for (const [head, body] of RAW_CASES) statuses.push((await rawRequest(mock.port, head, body)).status);
      const records = mock.requests();
      // Every request answered, and recorded once, in order.
      expect(records.map((r) => r.response.status)).toEqual(statuses);
      const disagreements = records
        .filter((r) => r.headers['prefer'] === undefined)
        .filter((r) => r.contract.valid !== (r.response.status >= 200 && r.response.status < 300))
        .map((r) => ({
          method: r.method,
          path: r.path,
          headers: r.headers,
          status: r.response.status,
          contract: r.contract,
        }));
      expect(disagreements).toEqual([]);
      // Both sides are represented: the invariant is not true only because everything failed.
      expect(records.filter((r) => r.contract.valid).length).toBeGreaterThan(5);
      expect(records.filter((r) => !r.contract.valid).length).toBeGreaterThan(30);
    } finally {
      await mock.close();
    }
  });
});
