// The copy of the bundled spec that the docs page renders: the same meaning, in a form Redoc 3 reads
// right. Redoc lists a `false` property schema (a forbidden field) as an allowed property of type
// `any`, and `additionalProperties: true` as a property called `property name*` of type `any`. Both
// are dropped here, and only where dropping them changes no verdict:
// - a `false` property of an object schema that also says `additionalProperties: false` (the field is
//   refused either way; the schema's description says it must not be sent);
// - `additionalProperties: true`, which is JSON Schema's default (no schema here uses
//   `unevaluatedProperties`, the one keyword that could tell them apart).
// Anything else is left as it is, and a `false` property that the rule above cannot drop stops the build.

/**
 * Returns a rendering copy of `spec` and what was dropped, as JSON Pointers.
 *
 * @example renderingSpec(spec).dropped // ['/components/schemas/ResetByOffset/properties/timestamp', ...]
 */
export function renderingSpec(spec) {
  const copy = structuredClone(spec);
  const dropped = [];
  const visit = (node, pointer) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${pointer}/${index}`));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if ('unevaluatedProperties' in node) {
      throw new Error(`docs rendering: ${pointer} uses unevaluatedProperties; the rendering rules do not cover it`);
    }
    const properties = node.properties;
    if (properties && typeof properties === 'object' && !Array.isArray(properties)) {
      for (const [name, schema] of Object.entries(properties)) {
        if (schema !== false) continue;
        const path = `${pointer}/properties/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
        if (node.additionalProperties !== false || node.patternProperties) {
          throw new Error(`docs rendering: ${path} is false but its object allows other properties`);
        }
        delete properties[name];
        dropped.push(path);
      }
    }
    if (node.additionalProperties === true) {
      delete node.additionalProperties;
      dropped.push(`${pointer}/additionalProperties`);
    }
    for (const [key, value] of Object.entries(node)) {
      // Example values are data, not schemas.
      if (key !== 'example' && key !== 'examples') visit(value, `${pointer}/${key}`);
    }
  };
  visit(copy, '');
  return { spec: copy, dropped };
}
