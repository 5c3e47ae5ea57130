// The CLI's pure parts in-process, for the edge cases a child process per case would make slow: the
// edit distance behind "did you mean", the --to-datetime reading, the CSV fields of a plan file.
import { describe, expect, it } from 'vitest';
import { parseKafkaDatetime } from '../../src/cli/datetime.js';
import { csvFields } from '../../src/cli/from-file.js';
import { editDistance, nearest } from '../../src/cli/nearest.js';
import { UsageError } from '../../src/cli/usage-error.js';

describe('editDistance and nearest', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['to-eraliest', 'to-earliest', 2],
    ['execute', 'execute', 0],
  ])('%s -> %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('picks the closest candidate, case-insensitively, the first on a tie', () => {
    expect(nearest('TOPIC', ['group', 'topic'])).toBe('topic');
    expect(nearest('to-lates', ['to-earliest', 'to-latest'])).toBe('to-latest');
    expect(nearest('x', ['ab', 'cd'])).toBe('ab');
  });
});

describe('parseKafkaDatetime', () => {
  it.each([
    ['2024-05-01T00:00:00.000', 1714521600000],
    ['2024-05-01T00:00:00.000Z', 1714521600000],
    ['2024-05-01T00:00', 1714521600000],
    ['2024-05-01T05:30:00.000+05:30', 1714521600000],
    ['2024-05-01T05:30:00.000+0530', 1714521600000],
    ['2024-04-30T23:00:00.000-01', 1714521600000],
    ['2024-02-29T12:00:00.999Z', Date.UTC(2024, 1, 29, 12, 0, 0, 999)],
    ['1970-01-01T00:00:00.000Z', 0],
  ])('%s is %i', (text, ms) => {
    expect(parseKafkaDatetime(text)).toBe(ms);
  });

  it.each([
    '2024-05-01',
    '2024-05-01T00',
    '2024-05-01 00:00:00.000',
    '2023-02-29T00:00:00.000',
    '2024-05-01T24:00:00.000',
    '2024-05-01T00:60:00.000',
    '2024-05-01T00:00:00.1234',
    '2024-05-01T00:00:00.000+24:00',
    '2024-05-01T00:00:00.000+01:60',
    '1970-01-01T00:00:00.000+01:00',
    '2024-05-01T00:00:00.000z',
  ])('refuses %s with an example', (text) => {
    expect(() => parseKafkaDatetime(text)).toThrow(UsageError);
    expect(() => parseKafkaDatetime(text)).toThrow(/e\.g\. 2024-05-01T00:00:00\.000 \(UTC\)/);
  });
});

describe('csvFields', () => {
  it.each([
    ['orders,0,42', ['orders', '0', '42']],
    ['"a,b",orders,1,2', ['a,b', 'orders', '1', '2']],
    ['"say ""hi""",t,0,1', ['say "hi"', 't', '0', '1']],
    [',0,1', ['', '0', '1']],
    ['t,0,', ['t', '0', '']],
    ['""', ['']],
  ])('%s', (line, fields) => {
    expect(csvFields(line)).toEqual(fields);
  });

  it.each([
    ['"open,0,1', 'a quoted field is not closed'],
    ['"a"b,0,1', 'a quoted field is followed by more than a comma'],
    ['a"b,0,1', 'a quote inside an unquoted field'],
  ])('refuses %s', (line, message) => {
    expect(() => csvFields(line)).toThrow(message);
  });
});
