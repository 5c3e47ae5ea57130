#!/usr/bin/env node
// The error-code table, from its one source (openapi/error-codes.yaml) to the two places that show it:
// - the bundled spec: this file is also a Redocly plugin (redocly.yaml), whose decorator appends the
//   table to info.description, below its "## Error codes" heading, when `npm run generate` bundles;
// - docs/errors.md: `node scripts/error-codes.mjs` rewrites each region between
//   `<!-- error-codes status=... -->` and `<!-- /error-codes -->`, and nothing outside them (the prose
//   around the tables is written by hand). `--check` only reports whether they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ERROR_CODES_FILE = join(root, 'openapi/error-codes.yaml');
export const ERRORS_DOC = join(root, 'docs/errors.md');
const SECTION_HEADING = '## Error codes';
const BEGIN = /<!-- error-codes status=([0-9,]+) -->\n/g;
const END = '<!-- /error-codes -->';

/**
 * The rows of openapi/error-codes.yaml, checked: statuses are HTTP error statuses, codes look like
 * `DMS.00400062` or `APIGW.0301`, meaning and action are non-empty.
 */
export function loadErrorCodes(file = ERROR_CODES_FILE) {
  const rows = parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(rows) || rows.length === 0) throw new Error(`${file}: expected a list of rows`);
  return rows.map((row, index) => {
    const where = `${file}: row ${index + 1}`;
    const statuses = [row?.status].flat();
    if (!statuses.every((status) => Number.isInteger(status) && status >= 400 && status <= 599)) {
      throw new Error(`${where}: status must be an HTTP error status or a list of them`);
    }
    const codes = row.codes ?? [];
    if (!Array.isArray(codes) || !codes.every((code) => /^[A-Z]+\.[0-9]+$/.test(String(code)))) {
      throw new Error(`${where}: codes must be a list like [DMS.00400062, APIGW.0301]`);
    }
    if (codes.length === 0 && !row.codes_note) throw new Error(`${where}: no codes and no codes_note`);
    for (const key of ['meaning', 'action']) {
      if (typeof row[key] !== 'string' || row[key].trim() === '') throw new Error(`${where}: ${key} is missing`);
    }
    const known = new Set(['status', 'codes', 'codes_note', 'meaning', 'action']);
    const unknown = Object.keys(row).filter((key) => !known.has(key));
    if (unknown.length > 0) throw new Error(`${where}: unknown keys ${unknown.join(', ')}`);
    return { statuses, codes, codesNote: row.codes_note, meaning: row.meaning.trim(), action: row.action.trim() };
  });
}

// A Markdown table cell: one line, with `|` escaped (inside code spans too, as GFM requires).
const cell = (text) =>
  String(text)
    .replace(/\s*\n\s*/g, ' ')
    .replaceAll('|', '\\|');
const codesCell = ({ codes, codesNote }) =>
  [codes.map((code) => `\`${code}\``).join(', '), codesNote].filter(Boolean).join(' ');

/** The rows as a Markdown table; with `status` the first column is the HTTP status. */
export function renderTable(rows, { status = true } = {}) {
  const header = [...(status ? ['status'] : []), '`error_code`', 'meaning', 'what to do'];
  const lines = [header, header.map(() => '---')];
  for (const row of rows) {
    lines.push([...(status ? [row.statuses.join(', ')] : []), codesCell(row), row.meaning, row.action].map(cell));
  }
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/**
 * `description` with the table appended to its last section, which must be "## Error codes": the
 * prose stays in the spec, the rows come from the data file.
 */
export function withErrorTable(description, rows) {
  const text = (description ?? '').trimEnd();
  const headings = text.match(/^## .*$/gm) ?? [];
  if (headings.at(-1) !== SECTION_HEADING) {
    throw new Error(`error-codes: info.description must end with a "${SECTION_HEADING}" section`);
  }
  return `${text}\n\n${renderTable(rows)}\n`;
}

/**
 * docs/errors.md with every marked region rewritten from `rows`. `format` formats one table (Prettier,
 * so that the file stays as `npm run format` leaves it). Every row must land in exactly one region.
 */
export async function updateErrorsDoc(text, rows, format) {
  const regions = [...text.matchAll(BEGIN)];
  if (regions.length === 0)
    throw new Error('error-codes: docs/errors.md has no <!-- error-codes status=... --> marker');
  const used = new Set();
  let out = '';
  let position = 0;
  for (const match of regions) {
    const start = match.index + match[0].length;
    const end = text.indexOf(END, start);
    if (end < 0) throw new Error(`error-codes: ${match[0].trim()} has no ${END}`);
    const wanted = match[1].split(',').map(Number);
    const selected = rows.filter((row) => row.statuses.every((status) => wanted.includes(status)));
    if (selected.length === 0) throw new Error(`error-codes: no row for ${match[0].trim()}`);
    for (const row of selected) {
      if (used.has(row)) throw new Error(`error-codes: the row ${codesCell(row)} is in two regions`);
      used.add(row);
    }
    const table = (await format(renderTable(selected, { status: wanted.length > 1 }))).trimEnd();
    // Blank lines around the table, as Prettier keeps them next to the HTML comments.
    out += `${text.slice(position, start)}\n${table}\n\n`;
    position = end;
  }
  const left = rows.filter((row) => !used.has(row));
  if (left.length > 0) throw new Error(`error-codes: no region shows ${left.map(codesCell).join('; ')}`);
  return out + text.slice(position);
}

/** Prettier with the repository's settings, for one Markdown table of docs/errors.md. */
export async function formatMarkdown(markdown) {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(ERRORS_DOC)) ?? {};
  return prettier.format(markdown, { ...options, filepath: ERRORS_DOC });
}

/** The Redocly plugin: decorator `error-codes/info-table` (see redocly.yaml). */
export default function errorCodesPlugin() {
  return {
    id: 'error-codes',
    decorators: {
      oas3: {
        'info-table': () => ({
          Info: {
            leave(info) {
              info.description = withErrorTable(info.description, loadErrorCodes());
            },
          },
        }),
      },
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  const before = readFileSync(ERRORS_DOC, 'utf8');
  const after = await updateErrorsDoc(before, loadErrorCodes(), formatMarkdown);
  if (check) {
    if (before !== after) {
      console.error('docs/errors.md: the error-code tables are stale; run node scripts/error-codes.mjs');
      process.exit(1);
    }
  } else if (before !== after) {
    writeFileSync(ERRORS_DOC, after);
    console.log('docs/errors.md: error-code tables rewritten');
  }
}
