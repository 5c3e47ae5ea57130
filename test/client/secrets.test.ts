// Tokens, secret keys and Authorization values never show in an error however it is printed:
// message, String(err), JSON.stringify(err), util.inspect(err) (hidden properties and the cause chain).
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { akskAuth, toEarliest, tokenAuth, type ResetOffsetClientOptions } from '../../src/index.js';
import {
  ACCESS_KEY,
  INSTANCE_ID,
  rejection,
  SECRET_KEY,
  startServer,
  testClient,
  TOKEN,
  type TestServer,
} from '../support/index.js';
import { json, recorder } from './helpers.js';

const SECURITY_TOKEN = 'SecurityTokenValue-abcdef0123456789';
const call = { instanceId: INSTANCE_ID, group: 'g', body: toEarliest('orders') };

/** Every rendering of an error a log line or a crash report might use. */
function renderings(error: unknown): string[] {
  const e = error as Error;
  return [
    e.message,
    String(e),
    e.stack ?? '',
    JSON.stringify(e),
    JSON.stringify(e, Object.getOwnPropertyNames(e)),
    inspect(e, { depth: Infinity, showHidden: true, getters: true }),
    inspect(e.cause, { depth: Infinity, showHidden: true, getters: true }),
  ];
}

function expectNoSecrets(error: unknown, secrets: readonly string[]) {
  expect(error).toBeInstanceOf(Error);
  for (const text of renderings(error)) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
}

const AUTHS: Array<[string, () => ResetOffsetClientOptions['auth']]> = [
  ['token', () => tokenAuth(TOKEN)],
  ['AK/SK', () => akskAuth({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, securityToken: SECURITY_TOKEN })],
];

describe.each(AUTHS)('with %s auth', (_name, auth) => {
  let authorizationSeen: string[];
  let server: TestServer;
  let slow: TestServer;
  let closedUrl: string;
  beforeAll(async () => {
    authorizationSeen = [];
    server = await startServer((req, res) => {
      if (req.headers.authorization) authorizationSeen.push(req.headers.authorization);
      res.writeHead(401, { 'Content-Type': 'application/json', 'X-Request-Id': 'r' });
      res.end(JSON.stringify({ error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information.' }));
    });
    slow = await startServer(() => {});
    const closed = await startServer();
    closedUrl = closed.url;
    await closed.close();
  });
  afterAll(async () => {
    await server.close();
    await slow.close();
  });

  const secrets = () => [
    TOKEN,
    SECRET_KEY,
    SECURITY_TOKEN,
    ...authorizationSeen,
    ...authorizationSeen.map((a) => a.split('Signature=')[1]!),
  ];

  it('a ResetOffsetError (401)', async () => {
    const error = await rejection(testClient({ endpoint: server.url, auth: auth() }).resetMessageOffset(call));
    expect((error as Error).name).toBe('ResetOffsetError');
    if (_name === 'AK/SK') expect(authorizationSeen.length).toBeGreaterThan(0);
    expectNoSecrets(error, secrets());
  });

  it('a NetworkError (connection refused), cause chain included', async () => {
    const error = await rejection(testClient({ endpoint: closedUrl, auth: auth() }).resetMessageOffset(call));
    expect((error as Error).name).toBe('NetworkError');
    expectNoSecrets(error, secrets());
  });

  it('a NetworkError from a fetch that attaches the request to its error', async () => {
    let authorization = '';
    const leakyFetch = async (request: Request): Promise<Response> => {
      authorization = request.headers.get('Authorization') ?? request.headers.get('X-Auth-Token') ?? '';
      const inner = Object.assign(new Error(`inner failure`), {
        request,
        headers: Object.fromEntries(request.headers),
      });
      throw Object.assign(new TypeError('fetch failed', { cause: inner }), {
        request,
        config: { headers: Object.fromEntries(request.headers) },
      });
    };
    const error = await rejection(testClient({ auth: auth(), fetch: leakyFetch }).resetMessageOffset(call));
    expect((error as Error).name).toBe('NetworkError');
    expect(authorization).not.toBe('');
    expectNoSecrets(error, [...secrets(), authorization]);
    // The cause chain is kept, reduced to what explains the failure.
    expect((error as Error).cause).toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
      cause: { message: 'inner failure' },
    });
  });

  it('a ResetOffsetError whose body echoes the credentials (JSON and text) has them blanked out', async () => {
    const echo = await startServer((req, res) => {
      const sent = [req.headers['x-auth-token'], req.headers.authorization, req.headers['x-security-token']]
        .filter(Boolean)
        .join(' | ');
      const asText = req.rawUrl.includes('/groups/text/');
      res.writeHead(asText ? 502 : 401, { 'Content-Type': asText ? 'text/plain' : 'application/json' });
      res.end(
        asText
          ? `proxy saw: ${sent}`
          : JSON.stringify({
              error_code: 'APIGW.0301',
              error_msg: `Incorrect credentials: ${sent}`,
              echo: { headers: [sent] },
            }),
      );
    });
    try {
      const client = testClient({ endpoint: echo.url, auth: auth() });
      for (const group of ['json', 'text']) {
        const error = await rejection(client.resetMessageOffset({ ...call, group }));
        expect((error as Error).name).toBe('ResetOffsetError');
        const echoed = echo.requests.at(-1)!;
        const sentValues = [
          echoed.headers['x-auth-token'],
          echoed.headers.authorization,
          echoed.headers['x-security-token'],
        ].filter((v): v is string => typeof v === 'string');
        expect(sentValues.length).toBeGreaterThan(0);
        expectNoSecrets(error, [...secrets(), ...sentValues]);
        expect(JSON.stringify((error as { body: unknown }).body)).toContain('[REDACTED]');
      }
    } finally {
      await echo.close();
    }
  });

  it('a NetworkError whose underlying message quotes the credentials has them blanked out', async () => {
    let sent = '';
    const quotingFetch = async (request: Request): Promise<Response> => {
      sent = request.headers.get('Authorization') ?? request.headers.get('X-Auth-Token') ?? '';
      throw new TypeError(`fetch failed, headers: ${sent}`, {
        cause: new Error(`socket closed while sending ${sent}`),
      });
    };
    const error = await rejection(testClient({ auth: auth(), fetch: quotingFetch }).resetMessageOffset(call));
    expect(sent).not.toBe('');
    expectNoSecrets(error, [...secrets(), sent]);
    expect((error as Error).message).toContain('[REDACTED]');
  });

  it('a TimeoutError and an AbortError', async () => {
    const client = testClient({ endpoint: slow.url, auth: auth(), timeoutMs: 30 });
    const timeout = await rejection(client.resetMessageOffset(call));
    expect((timeout as Error).name).toBe('TimeoutError');
    expectNoSecrets(timeout, secrets());
    const controller = new AbortController();
    const pending = testClient({ endpoint: slow.url, auth: auth() }).resetMessageOffset({
      ...call,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 10);
    const abort = await rejection(pending);
    expect((abort as Error).name).toBe('AbortError');
    expectNoSecrets(abort, secrets());
  });

  it('a RequestValidationError', async () => {
    const rec = recorder(() => json(204, null));
    const error = await rejection(
      testClient({ auth: auth(), fetch: rec.fetch }).resetMessageOffset({ ...call, group: '..' }),
    );
    expect((error as Error).name).toBe('RequestValidationError');
    expectNoSecrets(error, secrets());
  });
});

describe('invalid credentials', () => {
  it.each([
    ['a token with a line break', () => tokenAuth(`${TOKEN}\r\nX-Evil: 1`), `${TOKEN}`],
    ['an empty access key', () => akskAuth({ accessKey: '', secretKey: SECRET_KEY }), SECRET_KEY],
    [
      'a security token with a space',
      () => akskAuth({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, securityToken: `${SECURITY_TOKEN} x` }),
      SECURITY_TOKEN,
    ],
  ])('%s is refused without echoing the value', (_name, make, secret) => {
    let error: unknown;
    try {
      make();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TypeError);
    expectNoSecrets(error, [secret, SECRET_KEY]);
  });

  it('a token function returning an invalid value fails before sending, without echoing it', async () => {
    const rec = recorder();
    const bad = `${TOKEN}\n`;
    const error = await rejection(
      testClient({ auth: tokenAuth(() => bad), fetch: rec.fetch }).resetMessageOffset(call),
    );
    expect((error as Error).name).toBe('CredentialError');
    expectNoSecrets(error, [TOKEN]);
    expect(rec.requests).toHaveLength(0);
  });

  it('the auth middleware and the client do not show credentials when inspected', () => {
    const auth = akskAuth({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, securityToken: SECURITY_TOKEN });
    const client = testClient({ auth });
    for (const value of [auth, tokenAuth(TOKEN), client]) {
      const text = `${inspect(value, { depth: Infinity, showHidden: true })}${JSON.stringify(value)}`;
      for (const secret of [TOKEN, SECRET_KEY, SECURITY_TOKEN]) expect(text).not.toContain(secret);
    }
  });
});
