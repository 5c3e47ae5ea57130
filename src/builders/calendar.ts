// Calendar fields to an instant, exactly: Date.UTC rolls an impossible day over (2024-02-30 becomes
// March 1st), so a value that does not survive the round trip names no date at all.

/** Year, month (1-12), day, hour, minute, second as written. */
export type DateTimeFields = readonly [
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
];

/**
 * Milliseconds since the epoch of the fields read as UTC, or undefined when they name no real date and
 * time (a 30th of February, a 25th hour).
 *
 * @example utcInstant([2024, 2, 29, 12, 0, 0], 0) // 1709208000000
 */
export function utcInstant(fields: DateTimeFields, milliseconds: number): number | undefined {
  const [year, month, day, hour, minute, second] = fields;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, milliseconds);
  const check = new Date(utc);
  const same =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    check.getUTCHours() === hour &&
    check.getUTCMinutes() === minute &&
    check.getUTCSeconds() === second;
  return same ? utc : undefined;
}
