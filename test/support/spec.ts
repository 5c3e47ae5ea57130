// The bundled spec as the tests see it, and its named examples.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BUNDLED_SPEC_PATH = fileURLToPath(new URL('../../generated/openapi.json', import.meta.url));

export interface NamedExample {
  name: string;
  value: unknown;
}

interface MediaType {
  examples?: Record<string, { value?: unknown; $ref?: string }>;
}
export interface Spec {
  info: { version: string; description: string };
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        requestBody: { content: Record<string, MediaType> };
        responses: Record<string, { content?: Record<string, MediaType>; $ref?: string }>;
      }
    >
  >;
  components: {
    schemas: Record<string, unknown>;
    examples: Record<string, { value: unknown }>;
    responses: Record<string, { content?: Record<string, MediaType> }>;
  };
}

export const spec: Spec = JSON.parse(readFileSync(BUNDLED_SPEC_PATH, 'utf8')) as Spec;

export const OPERATION_PATH = '/v2/{project_id}/instances/{instance_id}/management/groups/{group}/reset-message-offset';
export const operation = spec.paths[OPERATION_PATH]!['post']!;

function resolveExamples(media: MediaType | undefined): NamedExample[] {
  return Object.entries(media?.examples ?? {}).map(([name, ex]) => {
    if (ex.$ref) {
      const target = spec.components.examples[ex.$ref.replace('#/components/examples/', '')];
      if (!target) throw new Error(`unresolved example ${ex.$ref}`);
      return { name, value: target.value };
    }
    return { name, value: ex.value };
  });
}

/** The request body's named examples. */
export const requestExamples: NamedExample[] = resolveExamples(operation.requestBody.content['application/json']);

/** Each documented response status with its named examples (resolved through components.responses). */
export const responseExamples: Array<{ status: string; examples: NamedExample[] }> = Object.entries(
  operation.responses,
).map(([status, response]) => {
  const resolved = response.$ref
    ? spec.components.responses[response.$ref.replace('#/components/responses/', '')]
    : response;
  return { status, examples: resolveExamples(resolved?.content?.['application/json']) };
});

/** The first of a string schema's `examples` (e.g. schemaExample('ProjectId')), as the docs show it. */
export function schemaExample(schema: string): string {
  const value = (spec.components.schemas[schema] as { examples?: unknown[] } | undefined)?.examples?.[0];
  if (typeof value !== 'string') throw new Error(`schema ${schema} has no string example`);
  return value;
}
