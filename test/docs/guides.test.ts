// The Markdown guides cannot rot silently: their TypeScript examples, and the spec's TypeScript code
// samples, compile against src/ under the strict tsconfig (an unused `@ts-expect-error` fails too; one
// tsc run for both), their relative links lead somewhere, the README links every guide, and the error
// guide covers every error code the spec documents.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeBlocks, run, TSC } from '../support/index.js';
import { ROOT, spec } from '../support/spec.js';

/** The guides this suite owns; docs/testing.md is checked by the mock kit's own tests. */
const GUIDES = ['docs/getting-started.md', 'docs/kafka-cli-mapping.md', 'docs/errors.md', 'docs/versioning.md'];
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** The spec's x-codeSamples in TypeScript (test/docs/code-samples.test.ts runs them). */
const CODE_SAMPLES = readdirSync(join(ROOT, 'openapi/code-samples'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => join(ROOT, 'openapi/code-samples', name));

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const [, heading = ''] of markdown.matchAll(/^#{1,6} (.+)$/gm)) {
    out.add(
      heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    );
  }
  return out;
}

describe('docs/ guides', () => {
  const work = (() => {
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    return mkdtempSync(join(ROOT, '.tmp', 'guide-snippets-'));
  })();
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('TypeScript examples and the TypeScript code samples compile against src/ under the strict tsconfig', async () => {
    const files: string[] = [];
    for (const guide of GUIDES) {
      codeBlocks(read(guide), 'ts').forEach((code, index) => {
        // .mts: an ES module whatever the folder, so top-level await works as in the reader's project.
        const file = join(work, `${guide.replace(/[/.]/g, '_')}_${index + 1}.mts`);
        writeFileSync(file, code);
        files.push(file);
      });
    }
    expect(files.length).toBeGreaterThanOrEqual(6);
    expect(CODE_SAMPLES).toHaveLength(2);
    const tsconfig = join(work, 'tsconfig.json');
    writeFileSync(
      tsconfig,
      JSON.stringify({
        extends: relative(work, join(ROOT, 'tsconfig.json')),
        compilerOptions: {
          noEmit: true,
          paths: {
            'dms-kafka-reset-offset': [join(ROOT, 'src/index.ts')],
            'dms-kafka-reset-offset/testing': [join(ROOT, 'src/testing/index.ts')],
          },
        },
        files: [...files, ...CODE_SAMPLES],
        include: [],
      }),
    );
    const tsc = await run('node', [TSC, '-p', tsconfig]);
    // Name the guide, not the temporary file, in a failure.
    expect(tsc.stdout.replaceAll(work + '/', ''), 'a guide example or code sample does not compile').toBe('');
    expect(tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
  });

  it('relative links in README.md and docs/*.md point to files (and headings) that exist', () => {
    const broken: string[] = [];
    for (const file of ['README.md', ...GUIDES, 'docs/testing.md']) {
      if (!existsSync(join(ROOT, file))) continue;
      for (const [, target = ''] of read(file).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
        const [path = '', anchor] = target.split('#');
        const resolved = path === '' ? join(ROOT, file) : join(ROOT, dirname(file), path);
        if (!existsSync(resolved)) broken.push(`${file}: ${target}`);
        else if (anchor && resolved.endsWith('.md') && !anchors(readFileSync(resolved, 'utf8')).has(anchor)) {
          broken.push(`${file}: ${target} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('the README links every guide', () => {
    const readme = read('README.md');
    for (const guide of [...GUIDES, 'docs/testing.md']) expect(readme).toContain(`](${guide})`);
  });

  it('the error guide covers every error code the spec documents, with its status', () => {
    const guide = read('docs/errors.md');
    const documented = Object.entries(spec.components.responses).flatMap(([, response]) =>
      Object.values(response.content?.['application/json']?.examples ?? {}).map(
        (example) => (example.value as { error_code: string }).error_code,
      ),
    );
    expect(documented.length).toBeGreaterThanOrEqual(10);
    for (const code of documented) expect(guide, code).toContain(`\`${code}\``);
    for (const status of Object.keys(spec.paths[Object.keys(spec.paths)[0]!]!['post']!.responses)) {
      if (status !== '204') expect(guide).toMatch(new RegExp(`(### |\\| )${status}\\b`));
    }
  });
});
