// --execute against a node:http stand-in that answers from a script: refusals (404, 429), no usable
// answer (503, a timeout, a closed port, a redirect), partial failure of a multi-reset plan, the
// client's retries and only those, and credentials echoed back by a server never reaching the output.
// The project has no Prism installed: resetting never loads the mock kit.
//
// Most runs are in process (runInProcess: the dispatcher the bin runs, with the bin's environment); the
// refusals of the first block, the closed port, Ctrl-C, the mock command and the AK/SK echo run through
// the installed bin, so the shipped build's errors, signing and signals are checked there.
import { spawn } from 'node:child_process';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { ConsumerProject } from '../support/consumer-project.js';
import { ACCESS_KEY, GROUP, INSTANCE_ID, PROJECT_ID, SECRET_KEY, TOKEN } from '../support/index.js';
import {
  binOf,
  expectNoSecrets,
  installCli,
  operatorEnv,
  runCli,
  runOnce,
  SECURITY_TOKEN,
  startStandIn,
  type Answer,
  type Arrived,
  type CliRun,
  type JsonDocument,
  type StandIn,
} from './harness.js';

let project: ConsumerProject;
let api: StandIn | undefined;

beforeAll(async () => {
  project = await installCli({ prism: false });
}, 240_000);
afterAll(() => project?.cleanup());
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const NOT_FOUND: Answer = {
  status: 404,
  headers: { 'X-Request-Id': 'req-404' },
  body: { error_code: 'DMS.00404022', error_msg: 'This instance does not exist.' },
};
const BUSY: Answer = { status: 503, body: { error_code: 'DMS.00503000', error_msg: 'Service unavailable.' } };
const TOO_MANY: Answer = {
  status: 429,
  headers: { 'Retry-After': '0' },
  body: { error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached.' },
};

/** `reset --execute` against a stand-in answering `answers`: in process, or with `{ bin: true }` through the bin. */
async function against(answers: readonly Answer[], args: readonly string[], { bin = false } = {}): Promise<CliRun> {
  api = await startStandIn(answers);
  const argv = ['reset', '--group', GROUP, ...args, '--execute'];
  const env = operatorEnv(api.url);
  return runOnce(project, argv, env, { bin });
}

const json = (run: CliRun) => JSON.parse(run.stdout) as JsonDocument;

describe('the API refuses (4xx): exit 3', () => {
  it('404: the error code, message and request ID on stderr, "not applied" in the summary', async () => {
    const run = await against([NOT_FOUND], ['--topic', 'orders', '--to-earliest'], { bin: true });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      'dms-kafka-reset-offset: reset 1/1 failed: orders partition all -> offset 0 (earliest): ResetOffsetError: DMS.00404022 (404): This instance does not exist. (request ID req-404)',
    );
    expect(run.stdout).toContain('orders-consumer  orders  all        offset 0 (earliest)  FAILED');
    expect(run.stdout).toContain('Stopped at the first failure: 0 applied, 1 failed, 0 not sent.');
    expect(run.stdout).toContain('The API refused the failed reset: it was not applied.');
    expect(api?.requests).toHaveLength(1);
  });

  it('404 with --json: the failed entry carries name, status, errorCode, requestId and message', async () => {
    const run = await against([NOT_FOUND], ['--topic', 'orders:5', '--to-offset', '7', '--json'], { bin: true });
    expect(run.code).toBe(3);
    expect(json(run)).toEqual({
      dryRun: false,
      resets: [
        {
          group: GROUP,
          topic: 'orders',
          partition: 5,
          body: { topic: 'orders', partition: 5, message_offset: 7 },
          status: 'failed',
          error: {
            name: 'ResetOffsetError',
            status: 404,
            errorCode: 'DMS.00404022',
            requestId: 'req-404',
            message: 'DMS.00404022 (404): This instance does not exist.',
          },
        },
      ],
    });
    // In JSON mode stderr has the failure line only (no header, no progress).
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('429: exit 3 without --retries (one request); with --retries 1 the client retries it and succeeds', async () => {
    const once = await against([TOO_MANY], ['--topic', 'orders', '--to-earliest']);
    expect(once.code).toBe(3);
    expect(once.stderr).toContain('APIGW.0308 (429)');
    expect(api?.requests).toHaveLength(1);
    await api?.close();
    const retried = await against(
      [TOO_MANY, { status: 204 }],
      ['--topic', 'orders', '--to-earliest', '--retries', '1'],
    );
    expect(retried.code, retried.stderr).toBe(0);
    expect(api?.requests).toHaveLength(2);
  });

  it('a 400 is never retried, whatever --retries says', async () => {
    const run = await against(
      [{ status: 400, body: { error_code: 'DMS.00400062', error_msg: 'Invalid request parameter.' } }],
      ['--topic', 'orders', '--to-earliest', '--retries', '3'],
    );
    expect(run.code).toBe(3);
    expect(api?.requests).toHaveLength(1);
  });
});

describe('no usable answer: exit 4, the outcome unknown', () => {
  it('503: "may or may not have been applied"; --retries 2 makes three attempts, then gives up', async () => {
    const run = await against([BUSY], ['--topic', 'orders', '--to-earliest']);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('ResetOffsetError: DMS.00503000 (503): Service unavailable.');
    expect(run.stdout).toContain('The failed reset got no usable answer: it may or may not have been applied.');
    expect(api?.requests).toHaveLength(1);
    await api?.close();
    const retried = await against([BUSY], ['--topic', 'orders', '--to-earliest', '--retries', '2', '--json']);
    expect(retried.code).toBe(4);
    expect(api?.requests).toHaveLength(3);
    expect(json(retried).resets[0]?.error).toMatchObject({
      name: 'ResetOffsetError',
      status: 503,
      errorCode: 'DMS.00503000',
    });
  });

  it('--timeout-ms: a server that never answers ends in a TimeoutError', async () => {
    const run = await against(
      [{ hang: true }],
      ['--topic', 'orders', '--to-earliest', '--timeout-ms', '300', '--json'],
    );
    expect(run.code).toBe(4);
    expect(json(run).resets[0]?.error).toEqual({
      name: 'TimeoutError',
      status: null,
      errorCode: null,
      requestId: null,
      message: 'Request timed out after 300 ms',
    });
  });

  it('a closed port: a NetworkError that says why', async () => {
    api = await startStandIn([]);
    const url = api.url;
    await api.close();
    api = undefined;
    const run = await runCli(
      binOf(project),
      ['reset', '--group', GROUP, '--topic', 'orders', '--to-earliest', '--execute'],
      operatorEnv(url),
      {
        cwd: project.dir,
      },
    );
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/NetworkError: Network error: fetch failed: connect ECONNREFUSED 127\.0\.0\.1:\d+$/m);
  });

  it('a redirect is not followed (the credentials stay here): exit 4', async () => {
    const run = await against(
      [{ status: 307, headers: { Location: 'http://127.0.0.1:1/elsewhere' } }],
      ['--topic', 'orders', '--to-earliest'],
    );
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('HTTP 307 (expected 204)');
    expect(api?.requests).toHaveLength(1);
  });
});

describe('interrupted', () => {
  it('Ctrl-C during --execute aborts the call in flight, sends nothing more, reports, and exits 130', async () => {
    api = await startStandIn([{ status: 204 }, { hang: true }]);
    const child = spawn(
      process.execPath,
      [binOf(project), 'reset', '--group', GROUP, '--topic', 'orders:0,1,2', '--to-earliest', '--execute'],
      {
        cwd: project.dir,
        env: { PATH: process.env['PATH'] ?? '', ...operatorEnv(api.url) },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    while (api.requests.length < 2) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`no second request:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expectNoSecrets({ code: 130, stdout, stderr });
    expect(api.requests).toHaveLength(2);
    expect(stderr).toContain(
      'reset 2/3 failed: orders partition 1 -> offset 0 (earliest): AbortError: Request aborted',
    );
    expect(stderr).toContain('dms-kafka-reset-offset: interrupted: nothing more is sent');
    expect(stdout).toContain('orders-consumer  orders  0          offset 0 (earliest)  done');
    expect(stdout).toContain('orders-consumer  orders  1          offset 0 (earliest)  FAILED');
    expect(stdout).toContain('orders-consumer  orders  2          offset 0 (earliest)  not sent');
    expect(stdout).toContain('The failed reset got no usable answer: it may or may not have been applied.');
  });
});

describe('partial failure: stops at the first failure and says which resets were applied', () => {
  it('done, failed, not sent (human): the table, the counts, the advice; exactly two requests', async () => {
    const run = await against([{ status: 204 }, NOT_FOUND], ['--topic', 'orders:0,1,2', '--to-offset', '5']);
    expect(run.code).toBe(3);
    expect(api?.requests.map((r) => r.body)).toEqual([
      { topic: 'orders', partition: 0, message_offset: 5 },
      { topic: 'orders', partition: 1, message_offset: 5 },
    ]);
    expect(run.stderr).toContain('done 1/3: orders partition 0 -> offset 5\n');
    expect(run.stderr).toContain(
      'dms-kafka-reset-offset: reset 2/3 failed: orders partition 1 -> offset 5: ResetOffsetError',
    );
    expect(run.stdout).toBe(
      [
        'GROUP            TOPIC   PARTITION  TARGET    STATUS',
        'orders-consumer  orders  0          offset 5  done',
        'orders-consumer  orders  1          offset 5  FAILED',
        'orders-consumer  orders  2          offset 5  not sent',
        '',
        'Stopped at the first failure: 1 applied, 1 failed, 1 not sent. These calls are not atomic: the group is in the state above.',
        'The API refused the failed reset: it was not applied.',
        'Each reset is absolute: once the cause is fixed, running the same command again repeats the applied ones harmlessly.',
        '',
      ].join('\n'),
    );
  });

  it('--json: statuses done, failed, skipped, and a 503 makes it exit 4', async () => {
    const run = await against(
      [{ status: 204 }, BUSY],
      ['--topic', 'a', '--topic', 'b', '--topic', 'c', '--to-latest', '--json'],
    );
    expect(run.code).toBe(4);
    expect(json(run).resets.map((r) => [r.topic, r.status])).toEqual([
      ['a', 'done'],
      ['b', 'failed'],
      ['c', 'skipped'],
    ]);
    expect(json(run).resets[2]).not.toHaveProperty('error');
  });
});

describe('without Prism installed', () => {
  it('reset works (the tests above), and the mock command says what to install', async () => {
    const run = await runCli(binOf(project), ['mock', '--port', '0'], {}, { cwd: project.dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('startMockServer needs Prism, an optional peer dependency of dms-kafka-reset-offset');
  });
});

describe('credentials never appear in any output', () => {
  it('a server echoing the token in its error body and header: [REDACTED] in stderr and the JSON document', async () => {
    const echo: Answer = {
      status: 401,
      headers: { 'X-Request-Id': `id-${TOKEN}` },
      body: {
        error_code: 'APIGW.0301',
        error_msg: `Incorrect IAM authentication information: ${TOKEN}`,
        request_id: TOKEN,
      },
    };
    const human = await against([echo], ['--topic', 'orders', '--to-earliest']);
    expect(human.code).toBe(3);
    expect(human.stderr).toContain('Incorrect IAM authentication information: [REDACTED]');
    await api?.close();
    const run = await against([echo], ['--topic', 'orders', '--to-earliest', '--json']);
    expect(json(run).resets[0]?.error).toMatchObject({
      message: 'APIGW.0301 (401): Incorrect IAM authentication information: [REDACTED]',
      requestId: '[REDACTED]',
    });
    // expectNoSecrets (in against) checked both runs' stdout and stderr for every credential.
  });

  it('AK/SK: the secret key, the security token and the signature sent are in no output, even when echoed', async () => {
    const echo = (request: Arrived): Answer => ({
      status: 403,
      headers: { 'X-Request-Id': String(request.headers['authorization']) },
      body: {
        error_code: 'APIGW.0305',
        error_msg: `bad signature: ${String(request.headers['authorization'])} ${String(request.headers['x-security-token'])} ${SECRET_KEY}`,
      },
    });
    for (const mode of [[], ['--json']]) {
      api = await startStandIn([echo]);
      const env = {
        OS_PROJECT_ID: PROJECT_ID,
        DMS_INSTANCE_ID: INSTANCE_ID,
        DMS_ENDPOINT: api.url,
        OS_ACCESS_KEY: ACCESS_KEY,
        OS_SECRET_KEY: SECRET_KEY,
        OS_SECURITY_TOKEN: SECURITY_TOKEN,
      };
      const run = await runCli(
        binOf(project),
        ['reset', '--group', GROUP, '--topic', 'orders', '--to-earliest', '--execute', ...mode],
        env,
        {
          cwd: project.dir,
        },
      );
      expectNoSecrets(run);
      expect(run.code).toBe(3);
      const sent = api.requests[0]?.headers;
      const signature = /Signature=([0-9a-f]{64})$/.exec(String(sent?.['authorization']))?.[1];
      expect(signature).toBeDefined();
      expect(sent?.['x-security-token']).toBe(SECURITY_TOKEN);
      expect(run.stdout + run.stderr).not.toContain(signature!);
      expect(run.stdout + run.stderr).toContain('bad signature: [REDACTED] [REDACTED] [REDACTED]');
      await api.close();
      api = undefined;
    }
  });
});
