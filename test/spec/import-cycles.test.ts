// src/ imports in one direction: no module reaches itself again through its imports. Type-only imports
// count (`import type`, `export type ... from`): a cycle of types is still two modules that cannot be
// read, moved or tested one without the other. The graph comes from TypeScript's own pre-processor,
// which lists every import, export-from and dynamic import of a file without type-checking it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/spec.js';

const SRC = join(ROOT, 'src');

/** Every .ts file under src/, as a path relative to src/. */
function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .sort();
}

/** The src/ modules a file imports (relative specifiers inside src/ only; `x.js` is the source `x.ts`). */
function importsOf(file: string, source: string): string[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(SRC, resolve(SRC, dirname(file), specifier.replace(/\.js$/, '.ts'))))
    .filter((target) => !target.startsWith('..'));
}

/** Each cycle once, as the modules on it from the first one reached, back to that one. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    const at = stack.indexOf(node);
    if (at !== -1) {
      cycles.push([...stack.slice(at), node]);
      return;
    }
    if (done.has(node)) return;
    stack.push(node);
    for (const next of graph.get(node) ?? []) visit(next);
    stack.pop();
    done.add(node);
  };
  for (const node of graph.keys()) visit(node);
  return cycles;
}

describe('import graph of src/', () => {
  const graph = new Map(sourceFiles().map((f) => [f, importsOf(f, readFileSync(join(SRC, f), 'utf8'))]));

  it('sees the imports that matter (value, type-only, export-from, dynamic)', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export type { C } from './c/index.js';",
      "export * from './d.js';",
      "const e = await import('./e.js');",
      "import 'openapi-fetch';",
    ].join('\n');
    expect(importsOf('client/x.ts', source)).toEqual([
      'client/a.ts',
      'b.ts',
      'client/c/index.ts',
      'client/d.ts',
      'client/e.ts',
    ]);
    expect(graph.get('index.ts')).toContain('validate.ts');
    expect(graph.get('testing/recorded-request.ts')).toEqual(['validate.ts']);
  });

  it('finds a cycle, type-only or not, and each one once', () => {
    const cyclic = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(cyclesOf(cyclic)).toEqual([
      ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
      ['e.ts', 'e.ts'],
    ]);
    expect(
      cyclesOf(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('has no cycle', () => {
    expect(cyclesOf(graph).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });
});
