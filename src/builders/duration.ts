// ISO-8601 durations as kafka-consumer-groups.sh --by-duration takes them (PnDTnHnMnS), in
// milliseconds. Years and months are refused: they have no fixed length, so "P1M" has no exact answer.

const DURATION = /^P(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d{1,3}))?S)?)?$/i;
const MS = { day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1_000 } as const;

/**
 * Milliseconds in an ISO-8601 duration of days, hours, minutes and seconds (up to millisecond
 * fractions); throws a RangeError for anything else.
 *
 * @example parseDuration('P1DT2H') // 93_600_000
 */
export function parseDuration(text: string): number {
  if (typeof text !== 'string')
    throw new TypeError('a duration must be a string such as PT1H, or milliseconds as a number');
  const match = DURATION.exec(text);
  if (!match || text.length < 3 || /T$/i.test(text)) {
    const hint = /^P(?:\d+[YW]|[^T]*\d+M)/i.test(text)
      ? ': years, months and weeks are not accepted (months and years have no fixed length), use days'
      : ' (expected PnDTnHnMnS, e.g. PT1H, P1DT2H, PT30.5S)';
    throw new RangeError(`'${text}' is not an ISO-8601 duration of days, hours, minutes and seconds${hint}`);
  }
  const [, d = '0', h = '0', m = '0', s = '0', frac = ''] = match;
  const ms =
    Number(d) * MS.day +
    Number(h) * MS.hour +
    Number(m) * MS.minute +
    Number(s) * MS.second +
    Number(frac.padEnd(3, '0'));
  if (!Number.isSafeInteger(ms)) throw new RangeError(`duration '${text}' is too long`);
  return ms;
}
