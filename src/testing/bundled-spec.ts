// The bundled spec that ships inside the package (generated/openapi.json): the mock serves exactly the
// contract version the consumer installed. The path resolves from src/testing/ and dist/testing/ alike.
import { readFile } from 'node:fs/promises';

export const BUNDLED_SPEC_URL = new URL('../../generated/openapi.json', import.meta.url);

/** The parts of the bundled spec the kit reads; Prism gets the whole document. */
export interface BundledSpec {
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, { readonly examples?: readonly unknown[] }>>;
    readonly examples: Readonly<Record<string, { readonly value: unknown }>>;
  };
  readonly [key: string]: unknown;
}

/** A fresh parse of the bundled spec (Prism dereferences the object it gets, so never share one). */
export async function readBundledSpec(): Promise<BundledSpec> {
  return JSON.parse(await readFile(BUNDLED_SPEC_URL, 'utf8')) as BundledSpec;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** The spec's one operation: its method (upper case) and path template. */
export function specOperation(spec: BundledSpec): { readonly method: string; readonly template: string } {
  const found = Object.entries(spec.paths).flatMap(([template, item]) =>
    Object.keys(item)
      .filter((key) => HTTP_METHODS.has(key))
      .map((method) => ({ method: method.toUpperCase(), template })),
  );
  const [only] = found;
  if (!only || found.length !== 1) throw new Error('the bundled spec must describe exactly one operation');
  return only;
}
