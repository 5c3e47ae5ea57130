// The flags of `dms-kafka-reset-offset reset`, parsed with node:util parseArgs; every mistake is a
// UsageError saying what to do.
import { parseArgs } from 'node:util';
import { nearest } from './nearest.js';
import { parseTarget, TARGET_FLAGS, wholeNumber, type Target } from './targets.js';
import { parseTopics, type TopicPartitions } from './topics.js';
import { UsageError } from './usage-error.js';

const value = { type: 'string', multiple: true } as const;
const flag = { type: 'boolean' } as const;

const OPTIONS = {
  group: value,
  topic: value,
  'from-file': value,
  'to-earliest': flag,
  'to-latest': flag,
  'to-offset': value,
  'to-datetime': value,
  'by-duration': value,
  'to-timestamp': value,
  endpoint: value,
  region: value,
  'project-id': value,
  'instance-id': value,
  execute: flag,
  'dry-run': flag,
  json: flag,
  'timeout-ms': value,
  retries: value,
  // kafka-consumer-groups.sh needs it to pick the action; here it is the only action, so a pasted
  // Kafka command line keeps working.
  'reset-offsets': flag,
  help: { type: 'boolean', short: 'h' },
} as const;

/** kafka-consumer-groups.sh flags this command has no equivalent for, and why. */
const KAFKA_ONLY: Readonly<Record<string, string>> = {
  'bootstrap-server': 'is not needed: the API endpoint comes from --endpoint, --region, DMS_ENDPOINT or OS_REGION_NAME',
  'command-config': 'is not needed: credentials come from OS_AUTH_TOKEN, or OS_ACCESS_KEY and OS_SECRET_KEY',
  'to-current': "needs the group's current offsets, which this API does not return (and it would change nothing)",
  'shift-by':
    "needs the group's current offsets, which this API does not return; compute the offsets and use --to-offset or --from-file",
  'all-topics':
    "is not possible with this operation: it resets one named topic per call and cannot list the group's topics; give each --topic",
  'all-groups': 'is not possible: one --group per run',
  export:
    'is not supported: --json prints the plan as JSON, and --from-file reads what kafka-consumer-groups.sh --export writes',
  describe: 'is not supported: this command only resets offsets',
  list: 'is not supported: this command only resets offsets',
  delete: 'is not supported: this command only resets offsets',
  'delete-offsets': 'is not supported: this command only resets offsets',
};

export interface ResetArgs {
  readonly help: boolean;
  readonly group: string;
  /** The topics to reset, or the plan file to read them (and their offsets) from. */
  readonly scope: { readonly topics: readonly TopicPartitions[] } | { readonly file: string };
  /** Absent with --from-file: each row is its own --to-offset. */
  readonly target?: Target | undefined;
  /** The --to-datetime value as given (the plan says how a zone-less one was read). */
  readonly datetime?: string | undefined;
  readonly execute: boolean;
  readonly json: boolean;
  readonly endpoint?: string | undefined;
  readonly region?: string | undefined;
  readonly projectId?: string | undefined;
  readonly instanceId?: string | undefined;
  readonly timeoutMs: number;
  readonly retries: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** The first flag that is not one of ours, with the nearest that is (or why a Kafka flag has none here). */
function checkNames(argv: readonly string[]): void {
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name in OPTIONS) continue;
    const why = KAFKA_ONLY[token.name];
    if (why) throw new UsageError(`--${token.name} ${why}`);
    const names = Object.keys(OPTIONS).filter((name) => name !== 'reset-offsets');
    throw new UsageError(`unknown flag ${token.rawName}; did you mean --${nearest(token.name, names)}?`);
  }
}

function once(values: readonly string[] | undefined, name: string): string | undefined {
  if (values && values.length > 1) throw new UsageError(`--${name} is given ${values.length} times; give it once`);
  return values?.[0];
}

/** Parses the arguments after `reset`; `now` anchors --by-duration. */
export function parseResetArgs(argv: readonly string[], now: Date = new Date()): ResetArgs {
  checkNames(argv);
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false });
  } catch (error) {
    // parseArgs says what was wrong ("Option '--group <value>' argument missing", "Unexpected argument 'x'").
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
  const v = parsed.values;
  const empty = { help: true, group: '', scope: { topics: [] }, execute: false, json: false, timeoutMs: 0, retries: 0 };
  if (v.help) return empty;

  if (v.execute && v['dry-run']) throw new UsageError('--execute and --dry-run contradict each other; give one');
  if (v.group && v.group.length > 1)
    throw new UsageError('one --group per run: the API resets one group per call; run the command once per group');
  const group = v.group?.[0];
  if (group === undefined) throw new UsageError('no group: give --group G, the consumer group to reset');

  const given = TARGET_FLAGS.flatMap((f) => {
    const entry = v[f.slice(2) as keyof typeof v];
    return entry === undefined || entry === false ? [] : Array.isArray(entry) ? entry.map(() => f) : [f];
  });
  const file = once(v['from-file'], 'from-file');
  let target: Target | undefined;
  if (file !== undefined) {
    if (given.length > 0)
      throw new UsageError(
        `--from-file and ${given[0]}: the file carries the offsets (each row is a --to-offset); drop ${given[0]}`,
      );
    if (v.topic)
      throw new UsageError('--from-file and --topic: the file names the topics and partitions; drop --topic');
  } else {
    if (given.length > 1)
      throw new UsageError(`two targets (${given[0]} and ${given[1]}): give exactly one of ${TARGET_FLAGS.join(', ')}`);
    if (given.length === 0)
      throw new UsageError(
        'no target: give one of --to-earliest, --to-latest, --to-offset N, --to-datetime DATETIME, --by-duration DURATION, --to-timestamp MS (or --from-file FILE)',
      );
    if (!v.topic)
      throw new UsageError(
        'no topic: give --topic T (all its partitions) or --topic T:0,1 (some), or --from-file FILE',
      );
    const flagName = given[0]!;
    const raw = v[flagName.slice(2) as keyof typeof v];
    target = parseTarget(flagName, Array.isArray(raw) ? (raw[0] as string) : undefined, now);
  }

  const timeoutText = once(v['timeout-ms'], 'timeout-ms');
  const retriesText = once(v.retries, 'retries');
  return {
    help: false,
    group,
    scope: file !== undefined ? { file } : { topics: parseTopics(v.topic ?? []) },
    target,
    datetime: v['to-datetime']?.[0],
    execute: v.execute === true,
    json: v.json === true,
    endpoint: once(v.endpoint, 'endpoint'),
    region: once(v.region, 'region'),
    projectId: once(v['project-id'], 'project-id'),
    instanceId: once(v['instance-id'], 'instance-id'),
    timeoutMs:
      timeoutText === undefined ? DEFAULT_TIMEOUT_MS : wholeNumber('--timeout-ms', timeoutText, 1, 2_147_483_647),
    retries: retriesText === undefined ? 0 : wholeNumber('--retries', retriesText, 0, 9),
  };
}
