// The command line without --execute: help, version, the plan for every target, every flag and
// variable, and every usage error (exit 2, one line on stderr, nothing on stdout, nothing sent). The
// endpoint of each dry run is a stand-in server that must receive nothing.
//
// The cases run in process (runInProcess: the dispatcher the bin runs, with the bin's environment), a
// child process each would cost a Node start; 'the installed bin' runs a sample of them through the
// packed tarball's bin and checks it answers byte for byte the same, and the machine-zone case runs
// there only (a time zone belongs to a process).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsumerProject } from '../support/consumer-project.js';
import { ACCESS_KEY, GROUP, INSTANCE_ID, PROJECT_ID, SECRET_KEY, TOKEN } from '../support/index.js';
import { ROOT } from '../support/spec.js';
import {
  installCli,
  operatorEnv,
  readmeRun,
  runOnce,
  SECURITY_TOKEN,
  startStandIn,
  type CliRun,
  type JsonDocument,
  type StandIn,
} from './harness.js';

/** An operator's environment with AK/SK instead of a token. */
const AKSK_ENV = {
  OS_PROJECT_ID: PROJECT_ID,
  DMS_INSTANCE_ID: INSTANCE_ID,
  OS_REGION_NAME: 'eu-de',
  OS_ACCESS_KEY: ACCESS_KEY,
  OS_SECRET_KEY: SECRET_KEY,
};

let project: ConsumerProject;
let api: StandIn;

beforeAll(async () => {
  [project, api] = await Promise.all([installCli(), startStandIn([{ status: 204 }])]);
}, 240_000);
afterAll(async () => {
  await api?.close();
  await project?.cleanup();
});

/** One run: in this process, or with `{ bin: true }` through the installed bin (in the project's folder). */
async function cli(
  args: readonly string[],
  env: Record<string, string> = operatorEnv(api.url),
  { bin = false } = {},
): Promise<CliRun> {
  const run = await runOnce(project, args, env, { bin });
  // A dry run, a refused command: nothing ever reaches the API.
  expect(api.requests).toEqual([]);
  return run;
}

async function plan(args: readonly string[], env?: Record<string, string>): Promise<JsonDocument> {
  const run = await cli(['reset', '--group', GROUP, ...args, '--json'], env);
  expect(run.stderr, run.stderr).not.toMatch(/error/i);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as JsonDocument;
}

/** Exit 2 with one line on stderr that contains `message`, and nothing on stdout. */
async function refused(args: readonly string[], message: string | RegExp, env?: Record<string, string>) {
  const run = await cli(args, env);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^dms-kafka-reset-offset: /);
  if (typeof message === 'string') expect(lines[0]).toContain(message);
  else expect(lines[0]).toMatch(message);
  expect(run.code).toBe(2);
}

describe('help and version', () => {
  it.each([['--help'], ['-h'], ['help'], ['reset', '--help']])(
    '%j prints the help on stdout and exits 0',
    async (...args) => {
      const run = await cli(args);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      const help = run.stdout;
      expect(help).toContain("Stop the group's consumers first");
      for (const flag of [
        '--to-earliest',
        '--to-latest',
        '--to-offset',
        '--to-datetime',
        '--by-duration',
        '--to-timestamp',
        '--from-file',
      ])
        expect(help).toMatch(new RegExp(`reset --group orders-consumer .*${flag}`));
      for (const name of [
        'OS_AUTH_TOKEN',
        'OS_ACCESS_KEY',
        'OS_SECRET_KEY',
        'OS_SECURITY_TOKEN',
        'OS_PROJECT_ID',
        'DMS_INSTANCE_ID',
        'DMS_ENDPOINT',
        'OS_REGION_NAME',
      ])
        expect(help).toContain(name);
      for (const code of ['0  every reset done', '2  a usage', '3  the API refused', '4  no usable answer'])
        expect(help).toContain(code);
      expect(help).toContain('"status": "planned"|"done"|"failed"|"skipped"');
    },
  );

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = await cli(['--version']);
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('no arguments: the usage on stderr, exit 2; an unknown command: the nearest one', async () => {
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('Usage:');
    await refused(['rest', '--group', 'g'], "unknown command 'rest'; did you mean 'reset'?");
  });
});

describe('the plan (dry run, the default)', () => {
  it('prints group, topic, partition and target, says nothing was sent, and exits 0', async () => {
    const run = await cli([
      'reset',
      '--group',
      GROUP,
      '--topic',
      'orders',
      '--topic',
      'payments:0,1',
      '--to-offset',
      '42',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        `Plan: 3 resets of group "${GROUP}" on instance ${INSTANCE_ID}`,
        `(project ${PROJECT_ID}, endpoint ${api.url} from DMS_ENDPOINT, credentials OS_AUTH_TOKEN (IAM token))`,
        '',
        'GROUP            TOPIC     PARTITION  TARGET',
        'orders-consumer  orders    all        offset 42',
        'orders-consumer  payments  0          offset 42',
        'orders-consumer  payments  1          offset 42',
        '',
        "Nothing sent; add --execute to apply the 3 resets. Stop the group's consumers first.",
        '',
      ].join('\n'),
    );
  });

  it("the README's dry run prints what the README shows", async () => {
    const { env, args, output } = readmeRun('--to-datetime 2024-05-01T00:00:00.000\n');
    const run = await cli(args, env);
    expect(run.code).toBe(0);
    expect(run.stderr + run.stdout).toBe(output);
  });

  it('--json: one document with the exact wire bodies, status "planned"', async () => {
    expect(await plan(['--topic', 'orders', '--topic', 'payments:2', '--to-earliest'])).toEqual({
      dryRun: true,
      resets: [
        {
          group: GROUP,
          topic: 'orders',
          partition: -1,
          body: { topic: 'orders', partition: -1, message_offset: 0 },
          status: 'planned',
        },
        {
          group: GROUP,
          topic: 'payments',
          partition: 2,
          body: { topic: 'payments', partition: 2, message_offset: 0 },
          status: 'planned',
        },
      ],
    });
  });

  it.each([
    [['--to-earliest'], { message_offset: 0 }, 'offset 0 (earliest)'],
    [['--to-latest'], { message_offset: 9007199254740991 }, 'offset 9007199254740991 (latest)'],
    [['--to-offset', '9007199254740991'], { message_offset: 9007199254740991 }, 'offset 9007199254740991 (latest)'],
    [['--to-offset', '0'], { message_offset: 0 }, 'offset 0 (earliest)'],
    [
      ['--to-timestamp', '1714521600000'],
      { timestamp: 1714521600000 },
      'timestamp 1714521600000 (2024-05-01T00:00:00.000Z)',
    ],
    [['--to-datetime', '2024-05-01T00:00:00.000Z'], { timestamp: 1714521600000 }, '(2024-05-01T00:00:00.000Z)'],
    [['--to-datetime', '2024-05-01T02:00:00.000+02:00'], { timestamp: 1714521600000 }, '(2024-05-01T00:00:00.000Z)'],
    [['--to-datetime', '2024-05-01T02:00:00.000+0200'], { timestamp: 1714521600000 }, '(2024-05-01T00:00:00.000Z)'],
    [['--to-datetime', '2024-04-30T19:00:00.000-05'], { timestamp: 1714521600000 }, '(2024-05-01T00:00:00.000Z)'],
    [['--to-datetime', '2024-05-01T00:00'], { timestamp: 1714521600000 }, '(2024-05-01T00:00:00.000Z)'],
    [['--to-datetime', '2024-05-01T00:00:07.250'], { timestamp: 1714521607250 }, '(2024-05-01T00:00:07.250Z)'],
  ])('%j sends %j and shows %s', async (target, field, shown) => {
    const doc = await plan(['--topic', 'orders:0', ...target]);
    expect(doc.resets.map((r) => r.body)).toEqual([{ topic: 'orders', partition: 0, ...field }]);
    const run = await cli(['reset', '--group', GROUP, '--topic', 'orders:0', ...target]);
    expect(run.stdout).toContain(shown);
  });

  it('--to-datetime without a zone is UTC, as kafka-consumer-groups.sh reads it, whatever the machine zone, and says so', async () => {
    const run = await cli(
      ['reset', '--group', GROUP, '--topic', 'orders', '--to-datetime', '2024-05-01T00:00:00.000'],
      {
        ...operatorEnv(api.url),
        TZ: 'Asia/Kolkata',
      },
      { bin: true },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('timestamp 1714521600000 (2024-05-01T00:00:00.000Z)');
    expect(run.stderr).toBe(
      'dms-kafka-reset-offset: note: --to-datetime 2024-05-01T00:00:00.000 has no zone: read as UTC, as kafka-consumer-groups.sh reads it\n',
    );
  });

  it('--by-duration: now minus the duration, one instant for every reset of the plan', async () => {
    const before = Date.now();
    const doc = await plan(['--topic', 'orders:0,1,2', '--by-duration', 'P1DT1H30M']);
    const after = Date.now();
    const stamps = doc.resets.map((r) => r.body['timestamp'] as number);
    expect(new Set(stamps).size).toBe(1);
    const ms = (24 * 60 + 90) * 60_000;
    expect(stamps[0]).toBeGreaterThanOrEqual(before - ms);
    expect(stamps[0]).toBeLessThanOrEqual(after - ms);
  });

  it('the kafka-consumer-groups.sh spelling works: no "reset", --reset-offsets and --dry-run accepted', async () => {
    const run = await cli(['--group', GROUP, '--reset-offsets', '--topic', 'orders', '--to-latest', '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Nothing sent; add --execute');
  });

  it('values may follow = as well as a space; the group is sent as given (percent-encoded on the wire)', async () => {
    const run = await cli(['reset', '--group=team/a b', '--topic=orders:1', '--to-offset=5', '--json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as JsonDocument).resets[0]).toMatchObject({ group: 'team/a b', partition: 1 });
  });

  it('a topic with control characters is refused (Kafka has no such topic), and shown escaped', async () => {
    const topic = 'evil\u001b[2J\u202etopic';
    await refused(
      ['reset', '--group', GROUP, '--topic', topic, '--to-earliest'],
      "--topic evil\\u001b[2J\\u202etopic: topic must hold only letters, digits, '.', '_' or '-'",
    );
  });

  it('a group with a bidi override is shown escaped in the table, exact in JSON', async () => {
    const group = 'evil\u202egroup';
    const run = await cli(['reset', '--group', group, '--topic', 'orders', '--to-earliest']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/[\u202e]/);
    expect(run.stdout).toContain('"evil\\u202egroup"');
    const run2 = await cli(['reset', '--group', group, '--topic', 'orders', '--to-earliest', '--json']);
    expect((JSON.parse(run2.stdout) as JsonDocument).resets[0]?.group).toBe(group);
  });
});

describe('where the settings come from', () => {
  const base = { OS_AUTH_TOKEN: TOKEN, OS_PROJECT_ID: PROJECT_ID, DMS_INSTANCE_ID: INSTANCE_ID };
  const args = ['reset', '--group', GROUP, '--topic', 'orders', '--to-earliest'];
  const header = async (env: Record<string, string>, extra: string[] = []) => {
    const run = await cli([...args, ...extra], env);
    expect(run.code, run.stderr).toBe(0);
    return { header: run.stdout.split('\n').slice(0, 2).join('\n'), stderr: run.stderr };
  };

  it.each([
    [{ OS_REGION_NAME: 'eu-de' }, [], 'endpoint https://dms.eu-de.otc.t-systems.com from OS_REGION_NAME eu-de'],
    [{ OS_REGION_NAME: 'eu-nl' }, [], 'endpoint https://dms.eu-nl.otc.t-systems.com from OS_REGION_NAME eu-nl'],
    [{}, ['--region', 'eu-nl'], 'endpoint https://dms.eu-nl.otc.t-systems.com from --region eu-nl'],
    [
      { DMS_ENDPOINT: 'https://dms.example.test', OS_REGION_NAME: 'eu-de' },
      [],
      'endpoint https://dms.example.test from DMS_ENDPOINT',
    ],
    [
      { DMS_ENDPOINT: 'https://dms.example.test' },
      ['--region', 'eu-de'],
      'https://dms.eu-de.otc.t-systems.com from --region eu-de',
    ],
    [
      { DMS_ENDPOINT: 'https://a.example.test', OS_REGION_NAME: 'eu-de' },
      ['--endpoint', 'https://b.example.test/prefix/'],
      'endpoint https://b.example.test/prefix/ from --endpoint',
    ],
  ])('%j with %j: %s', async (env, extra, expected) => {
    expect((await header({ ...base, ...env }, extra)).header).toContain(expected);
  });

  it('flags beat OS_PROJECT_ID and DMS_INSTANCE_ID', async () => {
    const other = { project: 'ffffffffffffffffffffffffffffffff', instance: '99999999-8888-7777-6666-555555555555' };
    const { header: text } = await header({ ...base, OS_REGION_NAME: 'eu-de' }, [
      '--project-id',
      other.project,
      '--instance-id',
      other.instance,
    ]);
    expect(text).toContain(`instance ${other.instance}`);
    expect(text).toContain(`project ${other.project}`);
  });

  it('AK/SK from OS_ACCESS_KEY + OS_SECRET_KEY, temporary keys with OS_SECURITY_TOKEN', async () => {
    const keys = AKSK_ENV;
    expect((await header(keys)).header).toContain('credentials OS_ACCESS_KEY/OS_SECRET_KEY (AK/SK)');
    expect((await header({ ...keys, OS_SECURITY_TOKEN: SECURITY_TOKEN })).header).toContain(
      'credentials OS_ACCESS_KEY/OS_SECRET_KEY/OS_SECURITY_TOKEN (temporary AK/SK)',
    );
  });

  it('with both a token and keys set, says that the token is used', async () => {
    const { header: text, stderr } = await header({
      ...base,
      OS_REGION_NAME: 'eu-de',
      OS_ACCESS_KEY: ACCESS_KEY,
      OS_SECRET_KEY: SECRET_KEY,
      OS_SECURITY_TOKEN: SECURITY_TOKEN,
    });
    expect(text).toContain('credentials OS_AUTH_TOKEN (IAM token)');
    expect(stderr).toBe(
      'dms-kafka-reset-offset: note: OS_AUTH_TOKEN and OS_ACCESS_KEY/OS_SECRET_KEY are both set: using OS_AUTH_TOKEN\n' +
        'dms-kafka-reset-offset: note: OS_SECURITY_TOKEN is ignored: it belongs to AK/SK credentials\n',
    );
  });

  it.each([
    [
      { ...base, OS_AUTH_TOKEN: '', OS_REGION_NAME: 'eu-de' },
      'no credentials: set OS_AUTH_TOKEN, or OS_ACCESS_KEY and OS_SECRET_KEY (plus OS_SECURITY_TOKEN for temporary keys)',
    ],
    [
      { OS_PROJECT_ID: PROJECT_ID, DMS_INSTANCE_ID: INSTANCE_ID, OS_REGION_NAME: 'eu-de', OS_ACCESS_KEY: ACCESS_KEY },
      'OS_ACCESS_KEY is set but OS_SECRET_KEY is not: set both (or OS_AUTH_TOKEN)',
    ],
    [
      { OS_PROJECT_ID: PROJECT_ID, DMS_INSTANCE_ID: INSTANCE_ID, OS_REGION_NAME: 'eu-de', OS_SECRET_KEY: SECRET_KEY },
      'OS_SECRET_KEY is set but OS_ACCESS_KEY is not',
    ],
    [
      { ...base, OS_REGION_NAME: 'eu-de', OS_AUTH_TOKEN: `${TOKEN} with spaces` },
      'OS_AUTH_TOKEN must be a non-empty string of visible ASCII characters (value not shown)',
    ],
    [{ ...base }, 'no endpoint: give --region eu-de|eu-nl or --endpoint URL (or set OS_REGION_NAME or DMS_ENDPOINT)'],
    [
      { ...base, OS_REGION_NAME: 'ap-southeast-1' },
      "OS_REGION_NAME 'ap-southeast-1' is not an Open Telekom Cloud region this command knows (eu-de, eu-nl); give --endpoint URL instead",
    ],
    [
      { ...base, OS_REGION_NAME: 'eu-de', OS_PROJECT_ID: '' },
      'no project: give --project-id ID (or set OS_PROJECT_ID)',
    ],
    [
      { ...base, OS_REGION_NAME: 'eu-de', DMS_INSTANCE_ID: '' },
      'no instance: give --instance-id UUID (or set DMS_INSTANCE_ID)',
    ],
    [{ ...base, OS_REGION_NAME: 'eu-de', DMS_INSTANCE_ID: 'not-a-uuid' }, '--instance-id: must be a UUID'],
    [{ ...base, OS_REGION_NAME: 'eu-de', OS_PROJECT_ID: 'ABC' }, '--project-id: must be 32 lowercase hex digits'],
    [{ ...base, DMS_ENDPOINT: 'http://dms.example.test' }, 'DMS_ENDPOINT: endpoint must be an https URL'],
  ])('%j: %s', async (env, message) => {
    await refused(args, message, env);
  });

  it('an endpoint with user info is refused without echoing it', async () => {
    const env = { ...base, DMS_ENDPOINT: `https://user:${TOKEN}@dms.example.test` };
    await refused(args, 'DMS_ENDPOINT: endpoint must be an https URL', env);
    await refused(
      [...args, '--region', 'eu-de', '--endpoint', 'https://x.example.test'],
      '--endpoint and --region both name the endpoint; give one',
      env,
    );
  });
});

describe('usage errors: one line that says what to do, exit 2, nothing sent', () => {
  const g = ['reset', '--group', GROUP];
  it.each([
    [[...g, '--topic', 'orders', '--to-eraliest'], 'unknown flag --to-eraliest; did you mean --to-earliest?'],
    [[...g, '--topic', 'orders', '--to-earliest', '--exectue'], 'unknown flag --exectue; did you mean --execute?'],
    [[...g, '--topics', 'orders', '--to-earliest'], 'unknown flag --topics; did you mean --topic?'],
    [
      [...g, '--topic', 'orders', '--shift-by', '-5'],
      "--shift-by needs the group's current offsets, which this API does not return",
    ],
    [
      [...g, '--topic', 'orders', '--to-current'],
      "--to-current needs the group's current offsets, which this API does not return",
    ],
    [[...g, '--all-topics', '--to-earliest'], '--all-topics is not possible with this operation'],
    [[...g, '--topic', 'orders', '--to-earliest', '--bootstrap-server', 'b:9092'], '--bootstrap-server is not needed'],
    [
      [...g, '--topic', 'orders', '--to-earliest', '--to-offset', '3'],
      'two targets (--to-earliest and --to-offset): give exactly one of',
    ],
    [[...g, '--topic', 'orders', '--to-offset', '3', '--to-offset', '4'], 'two targets (--to-offset and --to-offset)'],
    [
      [...g, '--topic', 'orders'],
      'no target: give one of --to-earliest, --to-latest, --to-offset N, --to-datetime DATETIME, --by-duration DURATION, --to-timestamp MS',
    ],
    [
      [...g, '--to-earliest'],
      'no topic: give --topic T (all its partitions) or --topic T:0,1 (some), or --from-file FILE',
    ],
    [['reset', '--topic', 'orders', '--to-earliest'], 'no group: give --group G'],
    [[...g, '--group', 'other', '--topic', 'orders', '--to-earliest'], 'one --group per run'],
    [
      [...g, '--topic', 'orders', '--topic', 'orders:1', '--to-earliest'],
      '--topic orders is given twice; give each topic once, e.g. --topic orders:0,1',
    ],
    [[...g, '--topic', 'orders:0,0', '--to-earliest'], "--topic 'orders:0,0' names partition 0 twice"],
    [
      [...g, '--topic', 'orders:x', '--to-earliest'],
      "--topic 'orders:x': 'x' is not a partition number (0 to 2147483647); e.g. --topic orders:0,1,2",
    ],
    [[...g, '--topic', 'orders:', '--to-earliest'], "'' is not a partition number"],
    [[...g, '--topic', ':1', '--to-earliest'], "--topic ':1' has no topic name"],
    [
      [...g, '--topic', 'orders', '--to-offset=-5'],
      "--to-offset needs a whole number from 0 to 9007199254740991 (2^53 - 1; --to-latest for the log end), got '-5'",
    ],
    [[...g, '--topic', 'orders', '--to-offset', '1.5'], "got '1.5'"],
    [[...g, '--topic', 'orders', '--to-offset', '9007199254740992'], "got '9007199254740992'"],
    [[...g, '--topic', 'orders', '--to-offset', '1e3'], "got '1e3'"],
    [[...g, '--topic', 'orders', '--to-offset'], "Option '--to-offset <value>' argument missing"],
    [
      [...g, '--topic', 'orders', '--to-timestamp', 'yesterday'],
      "--to-timestamp needs a whole number from 0 to 9007199254740991 (Unix milliseconds), got 'yesterday'",
    ],
    [
      [...g, '--topic', 'orders', '--to-datetime', '2024-05-01 00:00'],
      "--to-datetime '2024-05-01 00:00' is not a date-time; expected YYYY-MM-DDTHH:mm:SS.sss, e.g. 2024-05-01T00:00:00.000 (UTC), 2024-05-01T02:00:00.000+02:00",
    ],
    [
      [...g, '--topic', 'orders', '--to-datetime', '2024-02-30T00:00:00.000'],
      'is not a valid date and time; expected YYYY-MM-DDTHH:mm:SS.sss, e.g.',
    ],
    [
      [...g, '--topic', 'orders', '--to-datetime', '2024-05-01T00:00:00.5'],
      'needs exactly three digits of milliseconds',
    ],
    [[...g, '--topic', 'orders', '--to-datetime', '2024-05-01T00:00:00.000+25:00'], 'has an invalid zone offset'],
    [
      [...g, '--topic', 'orders', '--by-duration', '1h'],
      "--by-duration '1h' is not an ISO-8601 duration of days, hours, minutes and seconds; e.g. PT1H (one hour), P1DT12H (a day and a half), PT30M",
    ],
    [[...g, '--topic', 'orders', '--by-duration', 'P1M'], "--by-duration 'P1M' is not an ISO-8601 duration"],
    [
      [...g, '--topic', 'orders', '--to-earliest', '--timeout-ms', '0'],
      "--timeout-ms needs a whole number from 1 to 2147483647, got '0'",
    ],
    [
      [...g, '--topic', 'orders', '--to-earliest', '--retries', '10'],
      "--retries needs a whole number from 0 to 9, got '10'",
    ],
    [
      [...g, '--topic', 'orders', '--to-earliest', '--execute', '--dry-run'],
      '--execute and --dry-run contradict each other; give one',
    ],
    [[...g, '--topic', 'orders', '--to-earliest', 'extra'], "Unexpected argument 'extra'"],
    [
      [...g, '--topic', 'orders', '--to-earliest', '--endpoint', 'a', '--endpoint', 'b'],
      '--endpoint is given 2 times; give it once',
    ],
    [
      ['reset', '--group', '..', '--topic', 'orders', '--to-earliest'],
      "--group: must not be empty, '.', '..' or hold control characters",
    ],
    [['reset', '--group', 'a\u0007b', '--topic', 'orders', '--to-earliest'], '--group: must not be empty'],
  ])('%j', async (args, message) => {
    await refused(args, message);
  });
});

describe('--from-file', () => {
  const write = (name: string, text: string) => {
    const path = join(project.dir, name);
    writeFileSync(path, text);
    return path;
  };
  const g = ['reset', '--group', GROUP];

  it('reads the topic,partition,offset rows kafka-consumer-groups.sh --export writes, one reset per row', async () => {
    const file = write('one-group.csv', 'orders,0,42\r\norders,1,7\n\npayments,3,0\n');
    const doc = await plan(['--from-file', file]);
    expect(doc.resets.map((r) => [r.topic, r.partition, r.body])).toEqual([
      ['orders', 0, { topic: 'orders', partition: 0, message_offset: 42 }],
      ['orders', 1, { topic: 'orders', partition: 1, message_offset: 7 }],
      ['payments', 3, { topic: 'payments', partition: 3, message_offset: 0 }],
    ]);
  });

  it('from the four-column multi-group form takes the rows of --group and says how many others it skipped', async () => {
    const file = write(
      'groups.csv',
      `${GROUP},orders,0,42\nbilling,orders,0,1\n"a,b",orders,1,2\n${GROUP},orders,1,43\n`,
    );
    const run = await cli([...g, '--from-file', file, '--json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as JsonDocument).resets.map((r) => r.body)).toEqual([
      { topic: 'orders', partition: 0, message_offset: 42 },
      { topic: 'orders', partition: 1, message_offset: 43 },
    ]);
    expect(run.stderr).toBe(
      `dms-kafka-reset-offset: note: --from-file: took the 2 rows of group ${GROUP}; skipped 2 rows of other groups (billing, a,b)\n`,
    );
    await refused(
      ['reset', '--group', 'nobody', '--from-file', file],
      `has no rows for group nobody (only for ${GROUP}, billing, a,b)`,
    );
  });

  it.each([
    [
      'header.csv',
      'topic,partition,offset\norders,0,1\n',
      ":1: partition 'partition' is not a whole number (the file has no header line)",
    ],
    ['negative.csv', 'orders,0,-1\n', ":1: offset '-1' is not a whole number from 0 to 9007199254740991"],
    ['huge.csv', 'orders,0,9007199254740992\n', ":1: offset '9007199254740992' is not a whole number"],
    [
      'fields.csv',
      'orders,0\n',
      ':1: expected topic,partition,offset (or group,topic,partition,offset), as kafka-consumer-groups.sh --export writes, got 2 fields',
    ],
    ['mixed.csv', 'orders,0,1\ng,orders,1,1\n', ':2: 4 fields where the lines before have 3'],
    ['duplicate.csv', 'orders,0,1\n\norders,0,2\n', ':3: topic orders partition 0 is already on line 1'],
    ['quote.csv', '"orders,0,1\n', ':1: a quoted field is not closed'],
    ['empty.csv', '\n\n', 'has no rows; expected topic,partition,offset lines'],
    ['partition.csv', 'orders,-2,1\n', ':1: partition must be >= -1'],
    ['topic.csv', ',0,1\n', ':1: topic must NOT have fewer than 1 characters'],
  ])('%s is refused', async (name, text, message) => {
    await refused([...g, '--from-file', write(name, text)], message);
  });

  it('refuses a missing file, a target flag or --topic beside the file, and a file over 4 MiB', async () => {
    await refused([...g, '--from-file', join(project.dir, 'nope.csv')], 'nope.csv: cannot open it (ENOENT)');
    const file = write('ok.csv', 'orders,0,1\n');
    await refused(
      [...g, '--from-file', file, '--to-earliest'],
      '--from-file and --to-earliest: the file carries the offsets (each row is a --to-offset); drop --to-earliest',
    );
    await refused(
      [...g, '--from-file', file, '--topic', 'orders'],
      '--from-file and --topic: the file names the topics and partitions; drop --topic',
    );
    const big = write('big.csv', 'orders,0,1\n'.repeat(400_000));
    await refused([...g, '--from-file', big], 'is larger than 4194304 bytes; split the plan');
  });
});

describe('the installed bin', () => {
  // A sample of the cases above, one of each kind of answer: the packed tarball's bin, run as an operator
  // runs it, prints and exits exactly as the in-process runs do.
  const g = ['reset', '--group', GROUP];
  const keys = { ...AKSK_ENV, OS_SECURITY_TOKEN: SECURITY_TOKEN };
  it.each([
    ['--help', ['--help']],
    ['--version', ['--version']],
    ['no arguments', []],
    ['an unknown command', ['rest', '--group', 'g']],
    ['a plan as a table', [...g, '--topic', 'orders:0,1', '--to-earliest']],
    ['a plan as JSON', [...g, '--topic', 'orders', '--to-offset', '5', '--json']],
    [
      "kafka-consumer-groups.sh's spelling",
      ['--group', GROUP, '--reset-offsets', '--topic', 'orders', '--to-latest', '--dry-run'],
    ],
    ['a usage error', [...g, '--topic', 'orders', '--to-eraliest']],
  ])('%s: as in process', async (_, args) => {
    const viaBin = await cli(args, operatorEnv(api.url), { bin: true });
    expect(viaBin).toEqual(await cli(args));
  });

  it('settings from AK/SK variables, and an endpoint with user info refused: as in process', async () => {
    const args = [...g, '--topic', 'orders', '--to-earliest'];
    const viaBin = await cli(args, keys, { bin: true });
    expect(viaBin.stdout).toContain('(temporary AK/SK)');
    expect(viaBin).toEqual(await cli(args, keys));
    const userInfo = { ...operatorEnv('https://user:pass@dms.example.test') };
    const refusedByBin = await cli(args, userInfo, { bin: true });
    expect(refusedByBin.code).toBe(2);
    expect(refusedByBin).toEqual(await cli(args, userInfo));
  });

  it('a plan from --from-file: as in process', async () => {
    const file = join(project.dir, 'bin-plan.csv');
    writeFileSync(file, 'orders,0,42\norders,1,7\n');
    const args = [...g, '--from-file', file, '--json'];
    const viaBin = await cli(args, operatorEnv(api.url), { bin: true });
    expect(viaBin.code).toBe(0);
    expect(viaBin).toEqual(await cli(args));
  });
});
