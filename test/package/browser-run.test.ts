// The client in a real browser (Debian's Chromium): the browser bundle of the package root, loaded by
// a page served from a node:http server on 127.0.0.1, calls that same server with a token and with
// AK/SK (Web Crypto; 127.0.0.1 is a secure context), and the server checks what arrived.
import { build } from 'esbuild';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signRequest } from '../../src/auth/signing.js';
import { launchRecordingBrowser, type RecordingBrowser } from '../docs/browser.js';
import {
  ACCESS_KEY,
  apiLikeAnswer,
  describeInChromium,
  INSTANCE_ID,
  PROJECT_ID,
  SECRET_KEY,
  startServer,
  TOKEN,
  type TestServer,
  type WireRequest,
} from '../support/index.js';
import { ROOT } from '../support/spec.js';

// Runs in the page; reports through window.result.
const APP = `
import { akskAuth, createResetOffsetClient, RequestValidationError, ResetOffsetError, toEarliest, tokenAuth } from ${JSON.stringify(`${ROOT}src/index.ts`)};
const common = { endpoint: location.origin, projectId: ${JSON.stringify(PROJECT_ID)} };
const call = (group) => ({ instanceId: ${JSON.stringify(INSTANCE_ID)}, group, body: toEarliest('orders') });
const result = {};
try {
  await createResetOffsetClient({ ...common, auth: tokenAuth(${JSON.stringify(TOKEN)}) }).resetMessageOffset(call('team/a b?#%'));
  await createResetOffsetClient({ ...common, auth: akskAuth({ accessKey: ${JSON.stringify(ACCESS_KEY)}, secretKey: ${JSON.stringify(SECRET_KEY)} }) }).resetMessageOffset(call('消费组'));
  const client = createResetOffsetClient({ ...common, auth: tokenAuth(${JSON.stringify(TOKEN)}) });
  await client.resetMessageOffset(call('missing')).catch((e) => { result.error = e instanceof ResetOffsetError ? [e.status, e.errorCode, e.requestId] : String(e); });
  await client.resetMessageOffset(call('..')).catch((e) => { result.refused = e instanceof RequestValidationError ? e.violations.map((v) => v.in + v.path) : String(e); });
  result.done = true;
} catch (e) {
  result.failure = String(e && e.stack || e);
}
window.result = result;
`;

describeInChromium('the browser bundle in Chromium', () => {
  let server: TestServer;
  let browser: RecordingBrowser;
  let app = '';

  beforeAll(async () => {
    const bundled = await build({
      stdin: { contents: APP, resolveDir: ROOT, sourcefile: 'app.js', loader: 'js' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    app = bundled.outputFiles[0]!.text;
    server = await startServer((req: WireRequest, res: ServerResponse) => {
      if (req.method === 'GET') {
        const isApp = req.rawUrl === '/app.js';
        res.writeHead(200, { 'Content-Type': isApp ? 'text/javascript' : 'text/html' });
        res.end(isApp ? app : '<!doctype html><title>client</title><script type="module" src="/app.js"></script>');
      } else {
        apiLikeAnswer(req, res);
      }
    });
    browser = await launchRecordingBrowser(`${server.url}/`);
    // The docs' launcher is made for a page that needs no network (offline, one URL allowed). Here the
    // page talks to the test server: everything on its origin may load, anything else is still refused.
    await browser.context.setOffline(false);
    await browser.context.unroute('**/*');
    await browser.context.route('**/*', (route) =>
      route.request().url().startsWith(`${server.url}/`) ? route.continue() : route.abort('blockedbyclient'),
    );
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('calls with a token and with AK/SK, gets the typed error, refuses a dot segment', async () => {
    const page = await browser.open(`${server.url}/`);
    await page.waitForFunction(() => (window as unknown as { result?: unknown }).result !== undefined, undefined, {
      timeout: 30_000,
    });
    const result = await page.evaluate(() => (window as unknown as { result: unknown }).result);
    expect(result).toEqual({ done: true, error: [404, 'DMS.00404022', 'req-404'], refused: ['path/group'] });
    expect(browser.errors.filter((e) => !e.includes('404'))).toEqual([]);

    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(3);
    const [withToken, withAksk] = posts;
    expect(withToken!.rawUrl).toContain('/groups/team%2Fa%20b%3F%23%25/reset-message-offset');
    expect(withToken!.headers['x-auth-token']).toBe(TOKEN);
    expect(JSON.parse(withToken!.body)).toEqual({ topic: 'orders', partition: -1, message_offset: 0 });

    // The browser's Web Crypto signature verifies against the request as the server received it.
    const names = /SignedHeaders=([^,]+)/.exec(String(withAksk!.headers.authorization))![1]!.split(';');
    expect(names).toEqual(['content-type', 'host', 'x-project-id', 'x-sdk-date']);
    const expected = await signRequest(
      { accessKey: ACCESS_KEY, secretKey: SECRET_KEY },
      {
        method: 'POST',
        url: `http://${withAksk!.headers.host}${withAksk!.rawUrl}`,
        headers: Object.fromEntries(names.map((n) => [n, String(withAksk!.headers[n])])),
        body: withAksk!.body,
      },
    );
    expect(withAksk!.headers.authorization).toBe(expected.authorization);
    expect(withAksk!.rawUrl).toContain('/groups/%E6%B6%88%E8%B4%B9%E7%BB%84/');
  });
});
