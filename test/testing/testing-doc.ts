// docs/testing.md, read by the tests that keep it true: its consumer example and its Prefer table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeBlocks, markedSection } from '../support/index.js';
import { ROOT } from '../support/spec.js';

export const TESTING_DOC = readFileSync(join(ROOT, 'docs/testing.md'), 'utf8');

/** The text between `<!-- name: start -->` and `<!-- name: end -->`. */
export function docSection(name: string): string {
  return markedSection(TESTING_DOC, name);
}

/** The consumer's vitest file shown in the docs. */
export function consumerExample(): { path: string; source: string } {
  const block = codeBlocks(docSection('consumer-example'), 'ts')[0];
  const path = block && /^\/\/ (\S+\.test\.ts)$/m.exec(block)?.[1];
  if (!block || !path) throw new Error('the consumer example is not a ```ts block starting with its file name');
  return { path, source: block };
}
