// --to-datetime as kafka-consumer-groups.sh reads it: 'YYYY-MM-DDTHH:mm:SS.sss' with an optional zone
// (Z, +08, +0800, +08:00). Without a zone the Kafka tool appends 'Z' (its Utils.getDateTime), so a
// zone-less time is UTC there, and here too: a command pasted from a Kafka runbook means the same
// instant. Seconds and milliseconds may be left out; milliseconds, when given, are exactly three digits
// (Java's SimpleDateFormat reads '.5' as 5 ms, ISO-8601 as 500 ms: either reading would surprise someone).
import { utcInstant } from '../builders/calendar.js';
import { UsageError } from './usage-error.js';

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

export const DATETIME_EXAMPLE = '2024-05-01T00:00:00.000 (UTC), 2024-05-01T02:00:00.000+02:00';

function bad(text: string, why: string): UsageError {
  return new UsageError(`--to-datetime '${text}' ${why}; expected YYYY-MM-DDTHH:mm:SS.sss, e.g. ${DATETIME_EXAMPLE}`);
}

/** Whether a --to-datetime value names its zone (without one it is read as UTC). */
export function hasZone(text: string): boolean {
  return DATETIME.exec(text)?.[8] !== undefined;
}

/**
 * Milliseconds since the epoch of a --to-datetime value; throws a UsageError for anything else.
 *
 * @example parseKafkaDatetime('2024-05-01T00:00:00.000') // 1714521600000
 */
export function parseKafkaDatetime(text: string): number {
  const match = DATETIME.exec(text);
  if (!match) throw bad(text, 'is not a date-time');
  const [, y, mo, d, h, mi, s = '0', ms = '000', zone = 'Z'] = match;
  if (ms.length !== 3) throw bad(text, 'needs exactly three digits of milliseconds');
  const utc = utcInstant([Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)], Number(ms));
  if (utc === undefined) throw bad(text, 'is not a valid date and time');
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const [hours, minutes] = [Number(digits.slice(0, 2)), Number(digits.slice(2) || '0')];
    if (hours > 23 || minutes > 59) throw bad(text, 'has an invalid zone offset');
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  const instant = utc - offsetMinutes * 60_000;
  if (instant < 0) throw bad(text, 'is before 1970-01-01T00:00:00Z');
  return instant;
}
