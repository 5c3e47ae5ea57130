// Points in time for --to-datetime. A string must be a full ISO-8601 date-time with a zone (Z or
// +hh:mm): without one, the same text means different instants on different machines.
import { utcInstant } from './calendar.js';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Milliseconds since the epoch of a Date or an ISO-8601 date-time string with a zone; throws a
 * RangeError for an invalid date, an impossible calendar day, or a string without a zone.
 *
 * @example instantOf('2019-10-23T06:29:04Z') // 1571812144000
 */
export function instantOf(value: Date | string): number {
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) throw new RangeError('the date is invalid (Invalid Date)');
    return time;
  }
  if (typeof value !== 'string') throw new TypeError('a point in time must be a Date or an ISO-8601 string');
  const match = DATE_TIME.exec(value);
  if (!match) {
    throw new RangeError(
      `'${value}' is not an ISO-8601 date-time with a zone (expected e.g. 2024-01-02T03:04:05Z or 2024-01-02T03:04:05.123+01:00; at most millisecond precision)`,
    );
  }
  const [, y, mo, d, h, mi, s = '0', frac = '', zone = 'Z'] = match;
  const utc = utcInstant(
    [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)],
    Number(frac.padEnd(3, '0')),
  );
  const zoneMatch = /^([+-])(\d{2}):(\d{2})$/.exec(zone);
  const offsetMinutes = zoneMatch
    ? (zoneMatch[1] === '-' ? -1 : 1) * (Number(zoneMatch[2]) * 60 + Number(zoneMatch[3]))
    : 0;
  if (utc === undefined || Math.abs(offsetMinutes) >= 24 * 60 || (zoneMatch && Number(zoneMatch[3]) > 59))
    throw new RangeError(`'${value}' is not a valid date-time`);
  return utc - offsetMinutes * 60_000;
}
