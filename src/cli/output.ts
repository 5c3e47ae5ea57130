// What the command prints: the plan and the results as a table (human) or one JSON document (--json).
// Everything goes through safeIo, which blanks credential values and escapes control characters, so
// that neither a secret nor a terminal escape sequence in a topic name reaches the screen.
import { outcomeUnknown } from './exit-codes.js';
import type { Outcome, Status } from './execute.js';
import { describeBody } from './targets.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export interface Streams {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

// Shorter values are not blanked: they could be any word of the output (a real token or secret key is far longer).
const MIN_SECRET_LENGTH = 8;

/** `text` with each secret replaced by [REDACTED]. */
export function redactText(text: string, secrets: readonly string[]): string {
  return secrets.reduce((t, s) => (s.length >= MIN_SECRET_LENGTH ? t.replaceAll(s, '[REDACTED]') : t), text);
}

// C0 and C1 controls (but the newline), and the bidirectional overrides that reorder what a terminal shows.
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An Io over the process streams that never prints a secret or a control character. */
export function safeIo(streams: Streams, secrets: readonly string[]): Io {
  const clean = (text: string) => `${escapeControls(redactText(text, secrets))}\n`;
  return { out: (t) => streams.stdout.write(clean(t)), err: (t) => streams.stderr.write(clean(t)) };
}

/** A value as shown in a table: as it is, or JSON-quoted when it is empty or has spaces or controls. */
export function shown(value: string): string {
  return value === '' || /[\s"\u0000-\u001f\u007f-\u009f]/.test(value) ? JSON.stringify(value) : value;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '))
    .join('\n');
}

export function partitionText(partition: number): string {
  return partition === -1 ? 'all' : String(partition);
}

const STATUS_TEXT: Record<Status, string> = {
  planned: 'planned',
  done: 'done',
  failed: 'FAILED',
  skipped: 'not sent',
};

/** The plan (dry run) or the results (--execute) as a table. */
export function outcomeTable(outcomes: readonly Outcome[], withStatus: boolean): string {
  const head = ['GROUP', 'TOPIC', 'PARTITION', 'TARGET', ...(withStatus ? ['STATUS'] : [])];
  return table([
    head,
    ...outcomes.map(({ reset, status }) => [
      shown(reset.group),
      shown(reset.topic),
      partitionText(reset.partition),
      describeBody(reset.body),
      ...(withStatus ? [STATUS_TEXT[status]] : []),
    ]),
  ]);
}

/** One reset, for a progress or error line: `orders partition 0 -> offset 42`. */
export function resetLine(outcome: Outcome): string {
  const { topic, partition, body } = outcome.reset;
  return `${shown(topic)} partition ${partitionText(partition)} -> ${describeBody(body)}`;
}

/** The failure of a reset as one line: the error's message, and its request ID when there is one. */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const requestId = (error as { requestId?: unknown }).requestId;
  // The package's errors say their reason themselves (a NetworkError names its cause and code).
  return `${error.name}: ${error.message}${typeof requestId === 'string' ? ` (request ID ${requestId})` : ''}`;
}

/** The closing lines after --execute: what was applied, what failed, what was not sent. */
export function summary(outcomes: readonly Outcome[]): string {
  const count = (status: Status) => outcomes.filter((o) => o.status === status).length;
  const done = count('done');
  const failed = outcomes.find((o) => o.status === 'failed');
  const skipped = count('skipped');
  if (!failed && skipped === 0) return done === 1 ? 'The reset was applied.' : `All ${done} resets applied.`;
  const lines = [
    `Stopped ${failed ? 'at the first failure' : 'when interrupted'}: ${done} applied, ${failed ? 1 : 0} failed, ${skipped} not sent.` +
      (outcomes.length > 1 ? ' These calls are not atomic: the group is in the state above.' : ''),
  ];
  if (failed)
    lines.push(
      outcomeUnknown(failed.error)
        ? 'The failed reset got no usable answer: it may or may not have been applied.'
        : 'The API refused the failed reset: it was not applied.',
    );
  if (outcomes.length > 1)
    lines.push(
      'Each reset is absolute: once the cause is fixed, running the same command again repeats the applied ones harmlessly.',
    );
  return lines.join('\n');
}

/** The --json document: `{ dryRun, resets: [{ group, topic, partition, body, status, error? }] }`. */
export function jsonDocument(dryRun: boolean, outcomes: readonly Outcome[], secrets: readonly string[]): string {
  const errorJson = (error: unknown) => {
    const e = error as {
      name?: unknown;
      status?: unknown;
      errorCode?: unknown;
      requestId?: unknown;
      message?: unknown;
    };
    return {
      name: typeof e.name === 'string' ? e.name : 'Error',
      status: typeof e.status === 'number' ? e.status : null,
      errorCode: typeof e.errorCode === 'string' ? e.errorCode : null,
      requestId: typeof e.requestId === 'string' ? e.requestId : null,
      message: typeof e.message === 'string' ? e.message : String(error),
    };
  };
  const document = {
    dryRun,
    resets: outcomes.map(({ reset, status, error }) => ({
      group: reset.group,
      topic: reset.topic,
      partition: reset.partition,
      body: reset.body,
      status,
      ...(status === 'failed' ? { error: errorJson(error) } : {}),
    })),
  };
  // Blanked in the values, before serializing: a secret with a quote in it is escaped in JSON text.
  return JSON.stringify(
    document,
    (_, value: unknown) => (typeof value === 'string' ? redactText(value, secrets) : value),
    2,
  );
}
