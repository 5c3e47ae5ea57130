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

/** Each documented status of the operation (`'204'`, `'400'`, ...) with the names of its examples. */
export type DocumentedResponses = ReadonlyMap<string, readonly string[]>;

interface ResponseObject {
  readonly $ref?: string;
  readonly content?: Readonly<Record<string, { readonly examples?: Readonly<Record<string, unknown>> }>>;
}

/** The operation's documented responses and example names, in the spec's order. */
export function documentedResponses(spec: BundledSpec): DocumentedResponses {
  const { method, template } = specOperation(spec);
  const operation = spec.paths[template]?.[method.toLowerCase()] as
    { readonly responses?: Readonly<Record<string, ResponseObject>> } | undefined;
  const shared = (spec.components as { readonly responses?: Readonly<Record<string, ResponseObject>> }).responses;
  const out = new Map<string, readonly string[]>();
  for (const [status, response] of Object.entries(operation?.responses ?? {})) {
    const resolved = response.$ref ? shared?.[response.$ref.replace('#/components/responses/', '')] : response;
    const examples = Object.values(resolved?.content ?? {}).flatMap((media) => Object.keys(media.examples ?? {}));
    out.set(status, examples);
  }
  return out;
}
