// Hostile requests against the mock over raw sockets: odd targets, broken framing, a thousand headers,
// binary, UTF-16, deeply nested and huge bodies. Each is answered, recorded once, with a verdict that
// agrees with the answer, and the mock keeps serving: requests() and onRequest keep working, nothing
// is printed, and memory stays bounded.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_MAX_BODY_BYTES,
  startMockServer,
  type MockServer,
  type RecordedRequest,
} from '../../src/testing/index.js';
import { INSTANCE_ID, PROJECT_ID } from '../support/index.js';
import { rawRequest, type RawResponse } from './raw-socket.js';

const PATH = `/v2/${PROJECT_ID}/instances/${INSTANCE_ID}/management/groups/orders-consumer/reset-message-offset`;
const VALID = '{"topic":"orders","partition":0,"message_offset":10}';
const MiB = 1024 * 1024;

let mock: MockServer;
const seen: RecordedRequest[] = [];
beforeAll(async () => {
  mock = await startMockServer({ onRequest: (r) => seen.push(r) });
});
afterAll(() => mock.close());

// Nothing the mock or Prism does may print (Prism 5.12 prints a stack trace for a Content-Type list).
let printed: Array<ReturnType<typeof vi.spyOn>>;
beforeEach(() => {
  mock.clearRequests();
  seen.length = 0;
  printed = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn'), vi.spyOn(process.stderr, 'write')];
});
afterEach(() => {
  for (const spy of printed) {
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  }
});

/** A POST of the operation with the given extra header lines. */
function head(extra: string[] = [], target = PATH, method = 'POST'): string {
  return [`${method} ${target} HTTP/1.1`, 'host: mock', 'x-auth-token: t', ...extra].join('\r\n');
}

function post(body: Buffer | string, extra: string[] = ['content-type: application/json']): Promise<RawResponse> {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return rawRequest(mock.port, head([...extra, `content-length: ${bytes.length}`]), bytes);
}

/** The one record of the test's one request, once onRequest has seen it too. */
async function onlyRecord(): Promise<RecordedRequest> {
  await new Promise((resolve) => setImmediate(resolve));
  const records = mock.requests();
  expect(records).toHaveLength(1);
  expect(seen).toEqual(records);
  return records[0]!;
}

function problemOf(answer: RawResponse): { title: string; status: number; detail: string } {
  expect(answer.headers['content-type']).toBe('application/problem+json');
  return JSON.parse(answer.body) as { title: string; status: number; detail: string };
}

function* repeat(chunk: Buffer, times = Infinity): Generator<Buffer> {
  for (let i = 0; i < times; i++) yield chunk;
}

describe('bodies', () => {
  it('a body of arrays nested 5000 deep (10 KB): 400, recorded once without its parse, requests() works', async () => {
    const answer = await post('['.repeat(5000) + ']'.repeat(5000));
    expect(answer.status).toBe(400);
    const record = await onlyRecord();
    expect(record.body).toBeUndefined();
    expect(record.rawBody).toHaveLength(10_000);
    expect(record.contract).toEqual({
      valid: false,
      errors: [{ path: '/body', message: 'nests deeper than 64 levels' }],
    });
  });

  it('a valid object with a value nested 8000 deep inside: 400, and onRequest fires', async () => {
    const answer = await post(`{"topic":"t","message_offset":1,"x":${'['.repeat(8000)}${']'.repeat(8000)}}`);
    expect(answer.status).toBe(400);
    expect((await onlyRecord()).contract.valid).toBe(false);
  });

  it(`a body over the limit (${DEFAULT_MAX_BODY_BYTES} bytes) by Content-Length: 413 before it is read`, async () => {
    const answer = await post(`{"topic":"t","message_offset":1,"pad":"${'x'.repeat(DEFAULT_MAX_BODY_BYTES)}"}`);
    expect(answer.status).toBe(413);
    expect(problemOf(answer).title).toBe('Request body too large');
    const record = await onlyRecord();
    expect(record).toMatchObject({ rawBody: '', body: undefined, response: { status: 413 } });
    expect(record.contract).toEqual({
      valid: false,
      errors: [{ path: '/body', message: `is larger than ${DEFAULT_MAX_BODY_BYTES} bytes, the mock's limit` }],
    });
  });

  it('fetch, which reads the answer only after sending, gets the 413 of a 20 MiB body, not a reset', async () => {
    const response = await fetch(`${mock.url}${PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': 't' },
      body: Buffer.alloc(20 * MiB, 0x20),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ title: 'Request body too large' });
    expect((await onlyRecord()).response.status).toBe(413);
  });

  it('an endless chunked body: 413 once the limit is passed', async () => {
    const chunk = Buffer.from(`${(64 * 1024).toString(16)}\r\n${' '.repeat(64 * 1024)}\r\n`);
    const answer = await rawRequest(
      mock.port,
      head(['content-type: application/json', 'transfer-encoding: chunked']),
      repeat(chunk),
    );
    expect(answer.status).toBe(413);
    expect((await onlyRecord()).response.status).toBe(413);
  });

  it('a binary body: 400, not UTF-8', async () => {
    const answer = await post(Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x80, 0x7d]));
    expect(answer.status).toBe(400);
    expect(problemOf(answer).title).toBe('Request body is not UTF-8');
    const record = await onlyRecord();
    expect(record.contract).toEqual({ valid: false, errors: [{ path: '/body', message: 'is not valid UTF-8' }] });
  });

  it('a valid body with a byte that is not UTF-8 inside a string: 400 (Prism would take it), recorded as such', async () => {
    const answer = await post(
      Buffer.concat([Buffer.from('{"topic":"'), Buffer.from([0xff]), Buffer.from('","message_offset":1}')]),
    );
    expect(answer.status).toBe(400);
    expect((await onlyRecord()).contract.valid).toBe(false);
  });

  it('UTF-16 with charset=utf-16le: 415 (Prism would decode it and answer 204)', async () => {
    const answer = await post(Buffer.from(VALID, 'utf16le'), ['content-type: application/json; charset=utf-16le']);
    expect(answer.status).toBe(415);
    const record = await onlyRecord();
    expect(record.contract).toEqual({
      valid: false,
      errors: [
        { path: '/headers/content-type', message: 'must be application/json in UTF-8, not charset=utf-16le' },
        { path: '/body', message: 'must be JSON' },
      ],
    });
  });

  it('UTF-16 with a byte order mark and no charset: 400, not JSON', async () => {
    const answer = await post(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VALID, 'utf16le')]));
    expect(answer.status).toBe(400);
    expect((await onlyRecord()).contract.valid).toBe(false);
  });
});

describe('Content-Type', () => {
  it.each([
    ['application/vnd.api+json', 'Prism takes it for JSON and answers 204'],
    ['application/json, text/plain', 'Prism fails with a 500 and a stack trace'],
    ['text/plain', 'Prism answers 400'],
  ])('%s: 415 from the front (%s)', async (type) => {
    const answer = await post(VALID, [`content-type: ${type}`]);
    expect(answer.status).toBe(415);
    expect(problemOf(answer).title).toBe('Unsupported Content-Type');
    expect((await onlyRecord()).contract).toEqual({
      valid: false,
      errors: [{ path: '/headers/content-type', message: 'must be application/json' }],
    });
  });

  it('Application/JSON; charset=UTF-8 is JSON: 204', async () => {
    expect((await post(VALID, ['content-type: Application/JSON; charset=UTF-8'])).status).toBe(204);
    expect((await onlyRecord()).contract).toEqual({ valid: true });
  });
});

describe('headers', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => `x-h-${i}: v`);

  it('1000 header fields, Content-Length last: read whole and forwarded, 204', async () => {
    const answer = await post(VALID, [...many(996), 'content-type: application/json']);
    expect(answer.status).toBe(204);
    const record = await onlyRecord();
    expect(Object.keys(record.headers)).toHaveLength(1000);
    expect(record.contract).toEqual({ valid: true });
  });

  it('1500 header fields: 431 (Node would drop the last 500 unseen, Content-Length among them)', async () => {
    const answer = await post(VALID, [...many(1497), 'content-type: application/json']);
    expect(answer.status).toBe(431);
    expect(problemOf(answer).title).toBe('Too many header fields');
    expect((await onlyRecord()).contract).toEqual({
      valid: false,
      errors: [{ path: '/headers', message: 'has more header fields than the mock reads' }],
    });
  });

  it("headers over Node's 16 KiB: 431, recorded as unreadable", async () => {
    const answer = await post(VALID, ['content-type: application/json', `x-big: ${'a'.repeat(20_000)}`]);
    expect(answer.status).toBe(431);
    const record = await onlyRecord();
    expect(record).toMatchObject({ method: '', path: '', pathParams: null, response: { status: 431 } });
    expect(record.contract).toEqual({
      valid: false,
      errors: [{ path: '', message: 'is not an HTTP/1.1 request the mock can read (HPE_HEADER_OVERFLOW)' }],
    });
  });
});

describe('request targets and request lines', () => {
  it.each(['//', '//v2/x', '*', `http://example.invalid${PATH}`, `//example.invalid${PATH}`])(
    'target %s: 400 from the front, recorded without path parameters',
    async (target) => {
      const body = Buffer.from(VALID);
      const answer = await rawRequest(
        mock.port,
        head(['content-type: application/json', `content-length: ${body.length}`], target),
        body,
      );
      expect(answer.status).toBe(400);
      expect(problemOf(answer).title).toBe('The request target is not a path');
      const record = await onlyRecord();
      expect(record).toMatchObject({ path: target, pathParams: null, response: { status: 400 } });
      expect(record.contract).toEqual({
        valid: false,
        errors: [{ path: '', message: 'has a request target that is not a path starting with a single /' }],
      });
    },
  );

  it('a request line that is not HTTP: 400, recorded as unreadable', async () => {
    const answer = await rawRequest(mock.port, 'HELLO THERE');
    expect(answer.status).toBe(400);
    expect((await onlyRecord()).contract.valid).toBe(false);
  });
});

describe('memory', () => {
  /** Runs `work` while sampling RSS; resolves with the peak growth over the RSS before, in MiB. */
  async function peakGrowth(work: () => Promise<void>): Promise<number> {
    const before = process.memoryUsage.rss();
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
    try {
      await work();
    } finally {
      clearInterval(timer);
    }
    return (Math.max(peak, process.memoryUsage.rss()) - before) / MiB;
  }

  it('five 50 MiB bodies, declared and chunked, are answered 413 without being held: RSS grows < 40 MiB', async () => {
    const chunk = Buffer.alloc(MiB, 0x20);
    const framed = Buffer.concat([Buffer.from(`${MiB.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
    const statuses: number[] = [];
    const growth = await peakGrowth(async () => {
      for (let i = 0; i < 5; i++) {
        const declared = await rawRequest(
          mock.port,
          head(['content-type: application/json', `content-length: ${50 * MiB}`]),
          repeat(chunk, 50),
        );
        const chunked = await rawRequest(
          mock.port,
          head(['content-type: application/json', 'transfer-encoding: chunked']),
          repeat(framed, 50),
        );
        statuses.push(declared.status, chunked.status);
      }
    });
    expect(statuses).toEqual(Array(10).fill(413));
    expect(mock.requests().map((r) => r.rawBody)).toEqual(Array(10).fill(''));
    console.info(`five 50 MiB bodies twice (declared, chunked): peak RSS growth ${growth.toFixed(1)} MiB`);
    // One body held whole would be 50 MiB on its own.
    expect(growth).toBeLessThan(40);
  });
});

it('keeps serving after all of the above, and every record agrees with its answer', async () => {
  expect((await post(VALID)).status).toBe(204);
  expect((await onlyRecord()).contract).toEqual({ valid: true });
});
