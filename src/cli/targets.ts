// Where a reset moves the group: one target per run, turned into a request body per topic/partition by
// the package's own builders (which check each body against the contract).
import {
  byDuration,
  LATEST_OFFSET,
  RequestValidationError,
  toDatetime,
  toEarliest,
  toLatest,
  toOffset,
  validateResetRequest,
  type ResetMessageOffsetRequest,
} from '../index.js';
import { parseKafkaDatetime } from './datetime.js';
import { UsageError } from './usage-error.js';

export type Target =
  | { readonly kind: 'earliest' }
  | { readonly kind: 'latest' }
  | { readonly kind: 'offset'; readonly offset: number }
  | { readonly kind: 'datetime'; readonly timestamp: number }
  | { readonly kind: 'duration'; readonly duration: string; readonly now: Date }
  | { readonly kind: 'timestamp'; readonly timestamp: number };

export const TARGET_FLAGS = [
  '--to-earliest',
  '--to-latest',
  '--to-offset',
  '--to-datetime',
  '--by-duration',
  '--to-timestamp',
] as const;

export const DURATION_EXAMPLE = 'PT1H (one hour), P1DT12H (a day and a half), PT30M';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** A whole number from `min` to `max` written in digits only (no sign, exponent or fraction: nothing is rounded). */
export function wholeNumber(flag: string, text: string, min: number, max: number, hint = ''): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !(value >= min && value <= max))
    throw new UsageError(`${flag} needs a whole number from ${min} to ${max}${hint}, got '${text}'`);
  return value;
}

/** The Target of a flag and its value; `now` anchors --by-duration (one instant for the whole plan). */
export function parseTarget(flag: (typeof TARGET_FLAGS)[number], value: string | undefined, now: Date): Target {
  switch (flag) {
    case '--to-earliest':
      return { kind: 'earliest' };
    case '--to-latest':
      return { kind: 'latest' };
    case '--to-offset':
      return {
        kind: 'offset',
        offset: wholeNumber(flag, value ?? '', 0, MAX_SAFE, ' (2^53 - 1; --to-latest for the log end)'),
      };
    case '--to-datetime':
      return { kind: 'datetime', timestamp: parseKafkaDatetime(value ?? '') };
    case '--to-timestamp':
      return { kind: 'timestamp', timestamp: wholeNumber(flag, value ?? '', 0, MAX_SAFE, ' (Unix milliseconds)') };
    case '--by-duration': {
      const duration = value ?? '';
      try {
        byDuration('duration-check', duration, { now });
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        throw new UsageError(
          `--by-duration '${duration}' is not an ISO-8601 duration of days, hours, minutes and seconds; e.g. ${DURATION_EXAMPLE}`,
        );
      }
      return { kind: 'duration', duration, now };
    }
  }
}

/** The request body for one topic and partition (-1: all), checked against the contract. */
export function bodyFor(target: Target, topic: string, partition: number): ResetMessageOffsetRequest {
  const opts = { partition };
  switch (target.kind) {
    case 'earliest':
      return toEarliest(topic, opts);
    case 'latest':
      return toLatest(topic, opts);
    case 'offset':
      return toOffset(topic, target.offset, opts);
    case 'datetime':
      return toDatetime(topic, new Date(target.timestamp), opts);
    case 'duration':
      return byDuration(topic, target.duration, { ...opts, now: target.now });
    case 'timestamp': {
      // A Date holds at most 8.64e15 ms, the contract 2^53 - 1: this body is written out and validated.
      const body = { topic, partition, timestamp: target.timestamp };
      const verdict = validateResetRequest(body);
      if (!verdict.valid) throw new RequestValidationError(verdict.errors.map((e) => ({ in: 'body', ...e })));
      return body;
    }
  }
}

/** How a body's target reads in the plan: the offset, or the timestamp with its UTC instant. */
export function describeBody(body: ResetMessageOffsetRequest): string {
  if ('message_offset' in body && body.message_offset !== undefined) {
    const note = body.message_offset === 0 ? ' (earliest)' : body.message_offset === LATEST_OFFSET ? ' (latest)' : '';
    return `offset ${body.message_offset}${note}`;
  }
  const timestamp = (body as { timestamp: number }).timestamp;
  const date = new Date(timestamp);
  return `timestamp ${timestamp} (${Number.isNaN(date.getTime()) ? 'beyond year 275760' : date.toISOString()})`;
}

/** The target of one --from-file row. */
export function toOffsetTarget(offset: number): Target {
  return { kind: 'offset', offset };
}
