// --execute against the mock (Prism behind the recording front): what the installed bin sends is what
// the plan said, in order, meets the contract, and authenticates with the variables' credentials. Also
// `npx dms-kafka-reset-offset` in the consumer project, and the `mock` command.
//
// The bin runs the first call, the README's run, AK/SK signing, npx and the mock command; the other
// cases run in process (runInProcess: the dispatcher the bin runs, with the bin's environment), which
// spares a Node start each and sends the same requests to the same mock.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/testing/index.js';
import type { ConsumerProject } from '../support/consumer-project.js';
import { ACCESS_KEY, GROUP, INSTANCE_ID, PROJECT_ID, SECRET_KEY } from '../support/index.js';
import {
  binOf,
  expectNoSecrets,
  installCli,
  operatorEnv,
  readmeRun,
  resetPath,
  runCli,
  runOnce,
  SECURITY_TOKEN,
  type CliRun,
  type JsonDocument,
} from './harness.js';

let project: ConsumerProject;
let mock: MockServer;

beforeAll(async () => {
  [project, mock] = await Promise.all([installCli(), startMockServer()]);
}, 240_000);
afterAll(async () => {
  await mock?.close();
  await project?.cleanup();
});
beforeEach(() => mock.clearRequests());

/** One run: in this process, or with `{ bin: true }` through the installed bin (in the project's folder). */
async function cli(
  args: readonly string[],
  env: Record<string, string> = operatorEnv(mock.url),
  { bin = false } = {},
): Promise<CliRun> {
  return runOnce(project, args, env, { bin });
}

describe('--execute against the mock', () => {
  it('sends one call per partition in order, prints each result on stderr, the table on stdout, exits 0', async () => {
    const run = await cli(
      ['reset', '--group', GROUP, '--topic', 'orders:0,1', '--topic', 'payments', '--to-offset', '42', '--execute'],
      operatorEnv(mock.url),
      { bin: true },
    );
    expect(run.code, run.stderr).toBe(0);
    const recorded = mock.requests();
    expect(recorded.map((r) => [r.method, r.path, r.body, r.contract, r.response.status])).toEqual([
      ['POST', resetPath(GROUP), { topic: 'orders', partition: 0, message_offset: 42 }, { valid: true }, 204],
      ['POST', resetPath(GROUP), { topic: 'orders', partition: 1, message_offset: 42 }, { valid: true }, 204],
      ['POST', resetPath(GROUP), { topic: 'payments', partition: -1, message_offset: 42 }, { valid: true }, 204],
    ]);
    expect(recorded[0]?.headers['x-auth-token']).toBe('[REDACTED]');
    expect(run.stderr).toBe(
      [
        `Resetting: 3 resets of group "${GROUP}" on instance ${INSTANCE_ID}`,
        `(project ${PROJECT_ID}, endpoint ${mock.url} from DMS_ENDPOINT, credentials OS_AUTH_TOKEN (IAM token))`,
        'done 1/3: orders partition 0 -> offset 42',
        'done 2/3: orders partition 1 -> offset 42',
        'done 3/3: payments partition all -> offset 42',
        '',
      ].join('\n'),
    );
    expect(run.stdout).toBe(
      [
        'GROUP            TOPIC     PARTITION  TARGET     STATUS',
        'orders-consumer  orders    0          offset 42  done',
        'orders-consumer  orders    1          offset 42  done',
        'orders-consumer  payments  all        offset 42  done',
        '',
        'All 3 resets applied.',
        '',
      ].join('\n'),
    );
  });

  it("the README's --execute run prints what the README shows (the mock on its own port)", async () => {
    // The variables are those the README exports in its dry run, just before.
    const setup = readmeRun('--to-datetime 2024-05-01T00:00:00.000\n');
    const { env, args, output } = readmeRun('2024-05-01T00:00:00.000 --execute');
    const run = await cli(args, { ...setup.env, ...env, DMS_ENDPOINT: mock.url }, { bin: true });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr + run.stdout).toBe(output.replaceAll('http://127.0.0.1:4010', mock.url));
    expect(mock.requests()).toHaveLength(3);
  });

  it('one reset: no progress lines, "The reset was applied."', async () => {
    const run = await cli(['reset', '--group', GROUP, '--topic', 'orders', '--to-latest', '--execute']);
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n')).toHaveLength(3); // the two header lines only
    expect(run.stdout).toContain('The reset was applied.');
    expect(mock.requests().map((r) => r.body)).toEqual([
      { topic: 'orders', partition: -1, message_offset: 9007199254740991 },
    ]);
  });

  it('--json: status "done" for each reset, and nothing but the document on stdout', async () => {
    const run = await cli([
      'reset',
      '--group',
      GROUP,
      '--topic',
      'orders:3',
      '--to-datetime',
      '2024-05-01T02:00:00.000+02:00',
      '--execute',
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout) as JsonDocument).toEqual({
      dryRun: false,
      resets: [
        {
          group: GROUP,
          topic: 'orders',
          partition: 3,
          body: { topic: 'orders', partition: 3, timestamp: 1714521600000 },
          status: 'done',
        },
      ],
    });
    expect(mock.requests().map((r) => r.body)).toEqual([{ topic: 'orders', partition: 3, timestamp: 1714521600000 }]);
  });

  it('a group with /, spaces and unicode arrives as one path segment', async () => {
    const group = 'team/a b?ü#';
    const run = await cli([
      'reset',
      '--group',
      group,
      '--topic',
      'orders',
      '--to-timestamp',
      '1714521600000',
      '--execute',
    ]);
    expect(run.code).toBe(0);
    expect(mock.requests()[0]?.pathParams).toEqual({ project_id: PROJECT_ID, instance_id: INSTANCE_ID, group });
  });

  it('AK/SK from OS_ACCESS_KEY/OS_SECRET_KEY signs each request; OS_SECURITY_TOKEN is sent as X-Security-Token', async () => {
    const env = {
      OS_PROJECT_ID: PROJECT_ID,
      DMS_INSTANCE_ID: INSTANCE_ID,
      DMS_ENDPOINT: mock.url,
      OS_ACCESS_KEY: ACCESS_KEY,
      OS_SECRET_KEY: SECRET_KEY,
    };
    const run = await cli(['reset', '--group', GROUP, '--topic', 'orders:0,1', '--to-earliest', '--execute'], env, {
      bin: true,
    });
    expect(run.code, run.stderr).toBe(0);
    const recorded = mock.requests();
    expect(recorded).toHaveLength(2);
    for (const r of recorded) {
      expect(r.headers['authorization']).toBe('SDK-HMAC-SHA256 [REDACTED]');
      expect(r.headers['x-project-id']).toBe(PROJECT_ID);
      expect(r.headers['x-sdk-date']).toMatch(/^\d{8}T\d{6}Z$/);
      expect(r.headers['x-auth-token']).toBeUndefined();
      expect(r.contract).toEqual({ valid: true });
    }
    mock.clearRequests();
    const temporary = await cli(
      ['reset', '--group', GROUP, '--topic', 'orders', '--to-earliest', '--execute'],
      {
        ...env,
        OS_SECURITY_TOKEN: SECURITY_TOKEN,
      },
      { bin: true },
    );
    expect(temporary.code).toBe(0);
    expect(mock.requests()[0]?.headers['x-security-token']).toBe('[REDACTED]');
  });

  it('--from-file: the rows of the group, in file order, each its own --to-offset', async () => {
    const file = join(project.dir, 'plan.csv');
    writeFileSync(file, `${GROUP},orders,1,10\nother,orders,1,99\n${GROUP},orders,0,11\n`);
    const run = await cli(['reset', '--group', GROUP, '--from-file', file, '--execute', '--json']);
    expect(run.code).toBe(0);
    expect(mock.requests().map((r) => r.body)).toEqual([
      { topic: 'orders', partition: 1, message_offset: 10 },
      { topic: 'orders', partition: 0, message_offset: 11 },
    ]);
    expect((JSON.parse(run.stdout) as JsonDocument).resets.map((r) => r.status)).toEqual(['done', 'done']);
  });

  it('--endpoint beats DMS_ENDPOINT: the call goes where the flag says', async () => {
    const wrong = operatorEnv('https://dms.invalid');
    const run = await cli(
      ['reset', '--group', GROUP, '--topic', 'orders', '--to-earliest', '--execute', '--endpoint', mock.url],
      wrong,
    );
    expect(run.code).toBe(0);
    expect(mock.requests()).toHaveLength(1);
  });
});

describe('npx dms-kafka-reset-offset in the consumer project', () => {
  it('dry run sends nothing; --execute sends the plan', async () => {
    const args = ['dms-kafka-reset-offset', 'reset', '--group', GROUP, '--topic', 'orders:0', '--by-duration', 'PT1H'];
    const dry = await runCli('npx', args, operatorEnv(mock.url), { cwd: project.dir });
    expectNoSecrets(dry);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Nothing sent; add --execute to apply the 1 reset.');
    expect(mock.requests()).toEqual([]);
    const before = Date.now();
    const run = await runCli('npx', [...args, '--execute'], operatorEnv(mock.url), { cwd: project.dir });
    expectNoSecrets(run);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('The reset was applied.');
    const [request] = mock.requests();
    expect(request?.contract).toEqual({ valid: true });
    const timestamp = (request?.body as { timestamp: number }).timestamp;
    expect(timestamp).toBeLessThanOrEqual(Date.now() - 3_600_000);
    expect(timestamp).toBeGreaterThan(before - 3_600_000 - 60_000);
  });
});

describe('dms-kafka-reset-offset mock', () => {
  it('--help prints the mock usage; a bad flag exits 2', async () => {
    const help = await cli(['mock', '--help'], operatorEnv(mock.url), { bin: true });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--port N');
    const bad = await cli(['mock', '--prot', '1'], operatorEnv(mock.url), { bin: true });
    expect(bad.code).toBe(2);
  });

  it('serves the mock, which the reset command can then call; SIGINT stops it with exit 0', async () => {
    const child = spawn(process.execPath, [binOf(project), 'mock', '--port', '0'], { cwd: project.dir });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 30_000;
      let match: RegExpExecArray | null;
      while (!(match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout))) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`mock did not start:\n${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const run = await cli(
        ['reset', '--group', GROUP, '--topic', 'orders', '--to-earliest', '--execute'],
        operatorEnv(match[1]!),
      );
      expect(run.code, run.stderr).toBe(0);
      while (!stdout.includes('-> 204 (meets the contract)')) {
        if (Date.now() > deadline) throw new Error(`request not printed:\n${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });
});
