// `dms-kafka-reset-offset/schema`: the generated OpenAPI types only (paths, components, operations).
// This module has no runtime content; it exists so that the subpath resolves for both types and JS.
export type * from '../generated/schema.js';
