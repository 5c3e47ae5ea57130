// The body builders named after kafka-consumer-groups.sh --reset-offsets.
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/builders/duration.js';
import {
  byDuration,
  LATEST_OFFSET,
  RequestValidationError,
  toDatetime,
  toEarliest,
  toLatest,
  toOffset,
  validateResetRequest,
} from '../../src/index.js';

const NOW = new Date('2024-01-02T03:04:05.678Z');

describe('offset builders', () => {
  it('toEarliest is offset 0 (clamped to the earliest), all partitions by default', () => {
    expect(toEarliest('orders')).toEqual({ topic: 'orders', partition: -1, message_offset: 0 });
    expect(toEarliest('orders', { partition: 3 })).toEqual({ topic: 'orders', partition: 3, message_offset: 0 });
  });

  it('toLatest is offset 2^53 - 1 (clamped to the latest)', () => {
    expect(LATEST_OFFSET).toBe(Number.MAX_SAFE_INTEGER);
    expect(toLatest('orders')).toEqual({ topic: 'orders', partition: -1, message_offset: 9007199254740991 });
  });

  it('toOffset takes any safe integer >= 0', () => {
    expect(toOffset('orders', 42, { partition: 0 })).toEqual({ topic: 'orders', partition: 0, message_offset: 42 });
    expect(toOffset('orders', LATEST_OFFSET).message_offset).toBe(LATEST_OFFSET);
  });

  it.each([-1, 1.5, NaN, Infinity, 2 ** 53])('toOffset refuses %s instead of rounding', (offset) => {
    expect(() => toOffset('orders', offset)).toThrow(RequestValidationError);
  });

  it.each([
    ['an empty topic', () => toEarliest(''), '/topic'],
    ['partition -2', () => toLatest('t', { partition: -2 }), '/partition'],
    ['a fractional partition', () => toLatest('t', { partition: 0.5 }), '/partition'],
    ['partition 2^31', () => toLatest('t', { partition: 2 ** 31 }), '/partition'],
  ])('refuses %s', (_name, build, path) => {
    try {
      build();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RequestValidationError);
      expect((e as RequestValidationError).violations).toContainEqual(expect.objectContaining({ in: 'body', path }));
    }
  });
});

describe('toDatetime', () => {
  it.each([
    ['2019-10-23T06:29:04Z', 1571812144000],
    ['2019-10-23T06:29:04.000Z', 1571812144000],
    ['2019-10-23T08:29:04+02:00', 1571812144000],
    ['2019-10-23T01:29:04.5-05:00', 1571812144500],
    ['2019-10-23T06:29Z', 1571812140000],
    ['2019-10-23t06:29:04z', 1571812144000],
    ['1970-01-01T00:00:00Z', 0],
  ])('%s is %i', (text, ms) => {
    expect(toDatetime('orders', text)).toEqual({ topic: 'orders', partition: -1, timestamp: ms });
  });

  it('takes a Date', () => {
    expect(toDatetime('orders', NOW, { partition: 1 })).toEqual({
      topic: 'orders',
      partition: 1,
      timestamp: NOW.getTime(),
    });
  });

  it.each([
    ['an invalid Date', new Date('nope')],
    ['no zone (local time is ambiguous)', '2019-10-23T06:29:04'],
    ['a date only', '2019-10-23'],
    ['February 30th', '2024-02-30T00:00:00Z'],
    ['hour 24', '2024-01-02T24:00:00Z'],
    ['minute 60', '2024-01-02T23:60:00Z'],
    ['a zone minute of 60', '2024-01-02T23:00:00+01:60'],
    ['sub-millisecond precision', '2024-01-02T03:04:05.1234Z'],
    ['garbage', 'yesterday'],
    ['RFC 2822', 'Tue, 02 Jan 2024 03:04:05 GMT'],
  ])('refuses %s', (_name, value) => {
    expect(() => toDatetime('orders', value)).toThrow(RangeError);
  });

  it('refuses a time before 1970 through the contract (timestamp >= 0)', () => {
    expect(() => toDatetime('orders', '1969-12-31T23:59:59Z')).toThrow(RequestValidationError);
  });
});

describe('byDuration', () => {
  it.each([
    ['PT1H', 3_600_000],
    ['P1DT2H', 93_600_000],
    ['P1D', 86_400_000],
    ['PT30M', 1_800_000],
    ['PT0.5S', 500],
    ['PT1,25S', 1_250],
    ['PT1H2M3.004S', 3_723_004],
    ['P0D', 0],
    ['pt1h', 3_600_000],
  ])('%s is %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
    expect(byDuration('orders', text, { now: NOW })).toEqual({
      topic: 'orders',
      partition: -1,
      timestamp: NOW.getTime() - ms,
    });
  });

  it('takes milliseconds', () => {
    expect(byDuration('orders', 60_000, { now: NOW, partition: 2 })).toEqual({
      topic: 'orders',
      partition: 2,
      timestamp: NOW.getTime() - 60_000,
    });
  });

  it('defaults now to the current time', () => {
    const before = Date.now();
    const { timestamp } = byDuration('orders', 'PT1H');
    expect(timestamp).toBeGreaterThanOrEqual(before - 3_600_000);
    expect(timestamp).toBeLessThanOrEqual(Date.now() - 3_600_000);
  });

  it.each(['P1M', 'P1Y', 'P1Y2M', 'P2W'])('refuses %s: not a fixed length', (text) => {
    expect(() => parseDuration(text)).toThrow(/years, months and weeks/);
  });

  it.each([
    '',
    'P',
    'PT',
    '1H',
    'PT1H ',
    '-PT1H',
    'PT-1H',
    'PT1.5H',
    'PT0.0001S',
    'P1DT',
    'PTH',
    'P1H',
    'hour',
    'PT1S1M',
  ])('refuses %j', (text) => {
    expect(() => parseDuration(text)).toThrow(RangeError);
  });

  it.each([-1, 0.5, NaN, Infinity])('refuses %s ms', (ms) => {
    expect(() => byDuration('orders', ms, { now: NOW })).toThrow(RangeError);
  });

  it('refuses a duration reaching before 1970 through the contract', () => {
    expect(() => byDuration('orders', 'P100000D', { now: NOW })).toThrow(RequestValidationError);
  });

  it('refuses a duration too long to be exact', () => {
    expect(() => parseDuration('P999999999999D')).toThrow(/too long/);
  });
});

describe('every builder returns a body the contract accepts', () => {
  it.each([
    toEarliest('t'),
    toLatest('t', { partition: 0 }),
    toOffset('t', 5),
    toDatetime('t', '2024-01-02T03:04:05Z'),
    byDuration('t', 'PT1H', { now: NOW }),
  ])('%o', (body) => {
    expect(validateResetRequest(body)).toEqual({ valid: true });
  });
});
