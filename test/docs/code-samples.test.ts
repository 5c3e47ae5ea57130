// The spec's x-codeSamples are files in openapi/code-samples/ so that they cannot rot: the TypeScript
// ones run against the mock (and compile against src/ in guides.test.ts, in the one tsc run of the docs'
// TypeScript); the curl ones run against the mock, and the AK/SK one must reproduce the official SDK's
// signature for a published signing vector.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingVector } from '../fixtures/signing-vectors.js';
import { run, useMockServer, type RunResult } from '../support/index.js';
import { operation, ROOT } from '../support/spec.js';

const SAMPLES_DIR = join(ROOT, 'openapi/code-samples');
const sampleFile = (name: string) => join(SAMPLES_DIR, name);
const work = mkdtempSync(join(tmpdir(), 'dms-code-samples-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface CodeSample {
  lang: string;
  label: string;
  source: string;
}
const samples = (operation as typeof operation & { 'x-codeSamples'?: CodeSample[] })['x-codeSamples'] ?? [];

// Fake credentials, the same kind the mock accepts; nothing here reaches a real endpoint.
const CREDENTIALS = {
  OS_AUTH_TOKEN: 'sample-token',
  OS_ACCESS_KEY: 'SAMPLEAK0123456789AB',
  OS_SECRET_KEY: 'SampleSecretKey0123456789abcdef',
};

/** Runs a sample with only the environment given (no inherited proxy or endpoint variables). */
function runSample(file: string, args: string[], env: Record<string, string>): Promise<RunResult> {
  return run(file, args, { cwd: work, env, cleanEnv: true, timeoutMs: 30_000 });
}

/** The JSON a sample says it sends: the `// {...}` comment above `body:` (TS), or the --data-raw/BODY literal (sh). */
function announcedBody(source: string): unknown {
  const json =
    /\/\/ (\{.*\})\n\s*body:/.exec(source)?.[1] ??
    /--data-raw '(\{.*\})'/.exec(source)?.[1] ??
    /^BODY='(\{.*\})'$/m.exec(source)?.[1];
  if (!json) throw new Error('sample does not show the body it sends');
  return JSON.parse(json);
}

describe('x-codeSamples in the spec', () => {
  it('are the files of openapi/code-samples, each referenced once, TypeScript and curl with token and AK/SK', () => {
    const files = readdirSync(SAMPLES_DIR).sort();
    expect(samples.map((s) => s.source).sort()).toEqual(files.map((f) => readFileSync(sampleFile(f), 'utf8')).sort());
    expect(samples.map((s) => `${s.lang}: ${s.label}`)).toEqual([
      'TypeScript: TypeScript (token)',
      'TypeScript: TypeScript (AK/SK)',
      'curl: curl (token)',
      'curl: curl (AK/SK)',
    ]);
  });
});

describe('x-codeSamples against the mock (startMockServer)', () => {
  const mock = useMockServer({ clearEachTest: true });

  function expectOneValidCall(source: string) {
    const [request, ...more] = mock.requests();
    expect(more).toEqual([]);
    expect(request?.contract).toEqual({ valid: true });
    expect(request?.response.status).toBe(204);
    expect(request?.pathParams).toEqual({
      project_id: 'a4a5d4098fb4474fa22cd05f897d6b99',
      instance_id: '5d5ab6a3-cf61-4b3c-9a4c-f3f1e3a0b8c2',
      group: 'orders-consumer',
    });
    // The JSON the sample shows in a comment is what it really sends.
    expect(request?.body).toEqual(announcedBody(source));
    return request!;
  }

  for (const name of ['typescript-token.ts', 'typescript-aksk.ts']) {
    it(`${name} runs against the mock and gets 204`, async () => {
      const out = join(work, name.replace(/\.ts$/, '.mjs'));
      await build({
        entryPoints: [sampleFile(name)],
        outfile: out,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        logLevel: 'silent',
        // Resolve the package name to this checkout, the way a consumer's import resolves it.
        alias: { 'dms-kafka-reset-offset': join(ROOT, 'src/index.ts') },
      });
      const result = await runSample(process.execPath, [out], { DMS_ENDPOINT: mock.url, ...CREDENTIALS });
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe('Offset reset (204).\n');
      expect(result.code).toBe(0);
      const request = expectOneValidCall(readFileSync(sampleFile(name), 'utf8'));
      expect(request.headers[name.includes('aksk') ? 'authorization' : 'x-auth-token']).toMatch(/REDACTED/);
    });
  }

  for (const name of ['curl-token.sh', 'curl-aksk.sh']) {
    it(`${name} runs against the mock and gets 204`, async () => {
      const result = await runSample('/bin/sh', [sampleFile(name)], { DMS_ENDPOINT: mock.url, ...CREDENTIALS });
      expect(result.stdout).toMatch(/^HTTP\/1\.1 204/);
      expect(result.code).toBe(0);
      const request = expectOneValidCall(readFileSync(sampleFile(name), 'utf8'));
      if (name.includes('aksk')) {
        expect(request.headers['x-sdk-date']).toMatch(/^\d{8}T\d{6}Z$/);
        expect(request.headers['x-project-id']).toBe('a4a5d4098fb4474fa22cd05f897d6b99');
      }
    });
  }
});

// Signing vector "basic-offset": the official Huawei Cloud Node.js SDK signer's output for fixed inputs
// (fake credentials), the same fixture the signing tests use.
const VECTOR = signingVector('basic-offset');

describe('curl (AK/SK) sample signs like the official SDK', () => {
  let proxy: Server;
  const seen: Array<{ url: string; headers: IncomingHttpHeaders; body: string }> = [];
  beforeAll(async () => {
    // Stands in for an HTTP proxy: curl sends it the request for the real host name, so the host the
    // sample signs is the vector's, and nothing leaves the loopback interface.
    proxy = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

  it('reproduces the Authorization header of signing vector basic-offset', async () => {
    const { input } = VECTOR;
    // The sample's literals become the vector's inputs; each must be there exactly once.
    let script = readFileSync(sampleFile('curl-aksk.sh'), 'utf8');
    for (const [pattern, value] of [
      [/^PROJECT_ID=.*$/m, `PROJECT_ID=${input.path_params.project_id}`],
      [/^INSTANCE_ID=.*$/m, `INSTANCE_ID=${input.path_params.instance_id}`],
      [/^GROUP=.*$/m, `GROUP=${input.path_params.group}`],
      [/^BODY=.*$/m, `BODY='${input.body}'`],
    ] as const) {
      expect(script.match(new RegExp(pattern.source, 'gm'))).toHaveLength(1);
      script = script.replace(pattern, value);
    }
    writeFileSync(join(work, 'curl-aksk-vector.sh'), script);
    // `date` fixed at the vector's X-Sdk-Date, through a shim first on PATH.
    const shims = mkdtempSync(join(work, 'bin-'));
    writeFileSync(join(shims, 'date'), `#!/bin/sh\necho ${input.x_sdk_date}\n`, { mode: 0o755 });
    const { host } = new URL(input.endpoint);

    const result = await runSample('/bin/sh', [join(work, 'curl-aksk-vector.sh')], {
      PATH: `${shims}:${process.env['PATH'] ?? '/usr/bin:/bin'}`,
      DMS_ENDPOINT: `http://${host}`,
      http_proxy: `http://127.0.0.1:${(proxy.address() as { port: number }).port}`,
      OS_ACCESS_KEY: input.ak,
      OS_SECRET_KEY: input.sk,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.url).toBe(
      `http://${host}/v2/${input.path_params.project_id}/instances/${input.path_params.instance_id}/management/groups/${input.path_params.group}/reset-message-offset`,
    );
    expect(request?.body).toBe(input.body);
    expect(request?.headers['x-sdk-date']).toBe(input.x_sdk_date);
    expect(request?.headers['authorization']).toBe(VECTOR.expected.authorization);
  });
});
