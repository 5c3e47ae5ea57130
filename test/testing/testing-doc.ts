// docs/testing.md, read by the tests that keep it true: its consumer example and its Prefer table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/spec.js';

export const TESTING_DOC = readFileSync(join(ROOT, 'docs/testing.md'), 'utf8');

/** The text between `<!-- name: start -->` and `<!-- name: end -->`. */
export function docSection(name: string): string {
  const match = new RegExp(`<!-- ${name}: start -->\\n([\\s\\S]*?)<!-- ${name}: end -->`).exec(TESTING_DOC);
  if (!match) throw new Error(`docs/testing.md has no ${name} section`);
  return match[1]!;
}

/** The consumer's vitest file shown in the docs. */
export function consumerExample(): { path: string; source: string } {
  const block = /^```ts\n([\s\S]*?)^```$/m.exec(docSection('consumer-example'))?.[1];
  const path = block && /^\/\/ (\S+\.test\.ts)$/m.exec(block)?.[1];
  if (!block || !path) throw new Error('the consumer example is not a ```ts block starting with its file name');
  return { path, source: block };
}
