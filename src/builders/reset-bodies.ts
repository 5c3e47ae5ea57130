// Request bodies named after kafka-consumer-groups.sh --reset-offsets. The API clamps out-of-range
// values instead of refusing them (earlier than the earliest retained offset/message: the earliest;
// later than the latest: the latest), which is what --to-earliest and --to-latest are built on here.
import { RequestValidationError } from '../errors.js';
import type { ResetByOffset, ResetByTimestamp } from '../types.js';
import { bodyViolations } from '../validate.js';
import { instantOf } from './datetime.js';
import { parseDuration } from './duration.js';

export interface BuilderOptions {
  /** The partition to reset; -1 (the default) means all partitions of the topic. */
  readonly partition?: number | undefined;
  /** "Now" for byDuration (tests, or a fixed reference point); defaults to the current time. */
  readonly now?: Date | undefined;
}

/** The largest offset the contract accepts (2^53 - 1): past any real log end, so clamped to the latest. */
export const LATEST_OFFSET = 9007199254740991;

function checked<T extends ResetByOffset | ResetByTimestamp>(body: T): T {
  const violations = bodyViolations(body);
  if (violations.length > 0) throw new RequestValidationError(violations);
  return body;
}

function byOffset(topic: string, messageOffset: number, opts: BuilderOptions): ResetByOffset {
  return checked({ topic, partition: opts.partition ?? -1, message_offset: messageOffset });
}

function byTimestamp(topic: string, timestamp: number, opts: BuilderOptions): ResetByTimestamp {
  return checked({ topic, partition: opts.partition ?? -1, timestamp });
}

/**
 * `--to-earliest`: offset 0, which the API clamps to the earliest retained offset of each partition.
 *
 * @example toEarliest('orders') // { topic: 'orders', partition: -1, message_offset: 0 }
 */
export function toEarliest(topic: string, opts: BuilderOptions = {}): ResetByOffset {
  return byOffset(topic, 0, opts);
}

/**
 * `--to-latest`: offset 2^53 - 1 (the contract's largest), which the API clamps to the latest offset
 * (the log end) of each partition.
 *
 * @example toLatest('orders', { partition: 0 }) // { topic: 'orders', partition: 0, message_offset: 9007199254740991 }
 */
export function toLatest(topic: string, opts: BuilderOptions = {}): ResetByOffset {
  return byOffset(topic, LATEST_OFFSET, opts);
}

/**
 * `--to-offset N`: a safe integer >= 0 (never rounded: anything else throws RequestValidationError).
 *
 * @example toOffset('orders', 42, { partition: 3 })
 */
export function toOffset(topic: string, offset: number, opts: BuilderOptions = {}): ResetByOffset {
  return byOffset(topic, offset, opts);
}

/**
 * `--to-datetime`: the first message at or after a point in time, given as a Date or an ISO-8601
 * date-time with a zone (`2024-01-02T03:04:05Z`, `...+01:00`); invalid dates throw a RangeError.
 *
 * @example toDatetime('orders', '2019-10-23T06:29:04Z') // { topic: 'orders', partition: -1, timestamp: 1571812144000 }
 */
export function toDatetime(topic: string, datetime: Date | string, opts: BuilderOptions = {}): ResetByTimestamp {
  return byTimestamp(topic, instantOf(datetime), opts);
}

/**
 * `--by-duration`: the first message at or after `now - duration`, with the duration in milliseconds
 * or as an ISO-8601 duration of days, hours, minutes and seconds (`PT1H`, `P1DT2H`, `PT0.5S`).
 * Months and years are refused (no fixed length).
 *
 * @example byDuration('orders', 'PT1H', { now: new Date('2024-01-02T03:00:00Z') }) // timestamp of 02:00Z
 */
export function byDuration(topic: string, duration: number | string, opts: BuilderOptions = {}): ResetByTimestamp {
  const ms = typeof duration === 'number' ? duration : parseDuration(duration);
  if (!Number.isSafeInteger(ms) || ms < 0)
    throw new RangeError('a duration in milliseconds must be a non-negative safe integer');
  return byTimestamp(topic, instantOf(opts.now ?? new Date()) - ms, opts);
}
