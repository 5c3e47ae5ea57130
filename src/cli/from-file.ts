// --from-file: the CSV that `kafka-consumer-groups.sh --reset-offsets --export` writes. For one group
// its rows are `topic,partition,offset`; for several groups (--all-groups, or --group given twice) they
// are `group,topic,partition,offset`. From the four-column form only the rows of --group are taken,
// and the others are counted and reported: such a file is the state of several groups at one moment,
// and resetting the one group named on the command line is what the operator asked for. No header
// line (the Kafka tool writes none). Fields may be quoted as CSV ("a,b", "" for a quote), since group
// IDs may hold commas.
import { UsageError } from './usage-error.js';

/** The largest plan file read (a row is about 40 bytes: some 100 000 rows). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface FileRow {
  readonly line: number;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
}

export interface PlanFile {
  readonly rows: readonly FileRow[];
  /** Rows of other groups in a four-column file, left out. */
  readonly skipped: number;
  /** Those other groups, in the order first seen. */
  readonly otherGroups: readonly string[];
}

async function readBounded(path: string): Promise<string> {
  // Loaded only for --from-file: node:fs/promises is not part of Node's own startup, and every
  // other run of the command would pay for it (about 20 ms).
  const { open } = await import('node:fs/promises');
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`--from-file ${path}: cannot open it (${code})`);
  }
  try {
    // Read up to one byte more than allowed, so that a larger file (or an endless pipe) is refused.
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_FILE_BYTES)
        throw new UsageError(`--from-file ${path} is larger than ${MAX_FILE_BYTES} bytes; split the plan`);
    }
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer.subarray(0, length));
    } catch {
      throw new UsageError(`--from-file ${path} is not UTF-8 text`);
    }
  } finally {
    await handle.close();
  }
}

/** The fields of one CSV line; throws a message (without position) for a malformed quote. */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote === -1) throw new Error('a quoted field is not closed');
        field += line.slice(i, quote);
        i = quote + 1;
        if (line[i] !== '"') break;
        field += '"';
        i++;
      }
      if (i < line.length && line[i] !== ',') throw new Error('a quoted field is followed by more than a comma');
    } else {
      const comma = line.indexOf(',', i);
      field = line.slice(i, comma === -1 ? line.length : comma);
      if (field.includes('"')) throw new Error('a quote inside an unquoted field');
      i = comma === -1 ? line.length : comma;
    }
    fields.push(field);
    if (i >= line.length) return fields;
    i++; // the comma
  }
}

/** Reads and checks a plan file for `group`; every mistake names the file and line. */
export async function readPlanFile(path: string, group: string): Promise<PlanFile> {
  const text = await readBounded(path);
  const rows: FileRow[] = [];
  const otherGroups: string[] = [];
  const firstLine = new Map<string, number>();
  let skipped = 0;
  let width: number | undefined;
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    if (raw.trim() === '') continue;
    const where = `--from-file ${path}:${line}`;
    let fields: string[];
    try {
      fields = csvFields(raw);
    } catch (error) {
      throw new UsageError(`${where}: ${(error as Error).message}`);
    }
    if (fields.length !== 3 && fields.length !== 4)
      throw new UsageError(
        `${where}: expected topic,partition,offset (or group,topic,partition,offset), as kafka-consumer-groups.sh --export writes, got ${fields.length} fields`,
      );
    if (width !== undefined && fields.length !== width)
      throw new UsageError(`${where}: ${fields.length} fields where the lines before have ${width}`);
    width = fields.length;
    const [rowGroup, topic, partitionText, offsetText] = (fields.length === 4 ? fields : [group, ...fields]) as [
      string,
      string,
      string,
      string,
    ];
    if (rowGroup !== group) {
      skipped++;
      if (!otherGroups.includes(rowGroup)) otherGroups.push(rowGroup);
      continue;
    }
    if (!/^-?\d+$/.test(partitionText))
      throw new UsageError(
        `${where}: partition '${partitionText}' is not a whole number (the file has no header line)`,
      );
    if (!/^\d+$/.test(offsetText) || !Number.isSafeInteger(Number(offsetText)))
      throw new UsageError(
        `${where}: offset '${offsetText}' is not a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`,
      );
    const partition = Number(partitionText);
    const key = JSON.stringify([topic, partition]);
    const earlier = firstLine.get(key);
    if (earlier !== undefined)
      throw new UsageError(`${where}: topic ${topic} partition ${partition} is already on line ${earlier}`);
    firstLine.set(key, line);
    rows.push({ line, topic, partition, offset: Number(offsetText) });
  }
  if (rows.length === 0) {
    throw new UsageError(
      skipped > 0
        ? `--from-file ${path} has no rows for group ${group} (only for ${otherGroups.join(', ')})`
        : `--from-file ${path} has no rows; expected topic,partition,offset lines`,
    );
  }
  return { rows, skipped, otherGroups };
}
