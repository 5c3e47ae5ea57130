// The error-code table has one source, openapi/error-codes.yaml, and two places that show it: the
// bundled spec's info.description (so the docs page) and docs/errors.md, between its markers. Both must
// be what the data file renders now, and the data file must know every code the spec's examples use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import * as errorCodes from '../../scripts/error-codes.mjs';
import { operation, ROOT, spec } from '../support/spec.js';

interface Row {
  statuses: number[];
  codes: string[];
  codesNote?: string;
  meaning: string;
  action: string;
}
const { loadErrorCodes, renderTable, updateErrorsDoc, formatMarkdown } = errorCodes as {
  loadErrorCodes(): Row[];
  renderTable(rows: Row[], options?: { status?: boolean }): string;
  updateErrorsDoc(text: string, rows: Row[], format: (markdown: string) => Promise<string>): Promise<string>;
  formatMarkdown(markdown: string): Promise<string>;
};

const rows = loadErrorCodes();
const ERRORS_DOC = join(ROOT, 'docs/errors.md');
const RUN = 'node scripts/error-codes.mjs';

describe('the error-code table (openapi/error-codes.yaml)', () => {
  it('is in docs/errors.md as the data file renders it now', async () => {
    const committed = readFileSync(ERRORS_DOC, 'utf8');
    expect(committed, `docs/errors.md is stale: run ${RUN}`).toBe(
      await updateErrorsDoc(committed, rows, formatMarkdown),
    );
    for (const row of rows) {
      for (const code of row.codes) {
        // Once across the generated tables (the guide's prose may name a code too).
        const tables = [...committed.matchAll(/<!-- error-codes [^>]*-->([\s\S]*?)<!-- \/error-codes -->/g)]
          .map((m) => m[1])
          .join('');
        expect(tables.split(`\`${code}\``).length - 1, `${code} in docs/errors.md's tables`).toBe(1);
      }
    }
  });

  it('rewrites a stale table region, and only the regions', async () => {
    const committed = readFileSync(ERRORS_DOC, 'utf8');
    const stale = committed.replace('Get a new IAM token.', 'Ask someone.').replace('Whatever the error', 'Whatever');
    const updated = await updateErrorsDoc(stale, rows, formatMarkdown);
    expect(updated).toContain('Get a new IAM token.');
    expect(updated).not.toContain('Ask someone.');
    expect(updated, 'prose outside the markers is left alone').toContain('Whatever, `requestId`');
  });

  it('ends the bundled spec info.description, one row per entry with status, code, meaning and action', () => {
    const description = spec.info.description;
    expect(description.trimEnd().endsWith(renderTable(rows))).toBe(true);
    expect(description).toMatch(/## Error codes\n[^#]+\n\| status \| `error_code` \| meaning \| what to do \|\n/);
  });

  it('lists every error_code of the spec response examples under its status', () => {
    for (const [status, response] of Object.entries(operation.responses)) {
      const resolved = response.$ref ? spec.components.responses[response.$ref.split('/').pop() ?? ''] : response;
      const examples = Object.values(resolved?.content?.['application/json']?.examples ?? {});
      for (const example of examples) {
        const code = (example.value as { error_code?: string } | undefined)?.error_code;
        expect(code, `a ${status} example without error_code`).toBeDefined();
        const listed = rows.some((row) => row.statuses.includes(Number(status)) && row.codes.includes(code ?? ''));
        expect(listed, `${code} (${status}) is missing in openapi/error-codes.yaml`).toBe(true);
      }
    }
  });
});
