// The exactly-one rule in the generated TypeScript types. The spec says "exactly one of message_offset and
// timestamp" with a oneOf of two closed object branches (`additionalProperties: false`), each requiring
// its own field and not listing the other's. JSON Schema refuses the other field there, but TypeScript's
// excess-property check on a union looks at every member's properties, so a body with both fields would
// compile. The types therefore get the other branch's field as `?: never`, which is what
// openapi-typescript made of the `false` property schemas the spec used to carry (other generators
// crash on those).
import ts from 'typescript';

const SCHEMAS = '#/components/schemas/';

/**
 * For each component schema that is a branch of an exclusive oneOf, the fields of the other branches that
 * it does not list and so refuses: `{ ResetByOffset: ['timestamp'], ResetByTimestamp: ['message_offset'] }`.
 * Only `$ref` branches to closed objects (`additionalProperties: false`, no `patternProperties`) count:
 * there, and only there, an unlisted field is refused whatever its value.
 */
export function forbiddenFields(schemas) {
  const forbidden = {};
  for (const schema of Object.values(schemas)) {
    const refs = Array.isArray(schema?.oneOf) ? schema.oneOf : [];
    const names = refs.map((ref) => (typeof ref?.$ref === 'string' ? ref.$ref.replace(SCHEMAS, '') : undefined));
    const branches = names.map((name) => (name === undefined ? undefined : schemas[name]));
    const closed = (b) => b?.type === 'object' && b.additionalProperties === false && !b.patternProperties;
    if (branches.length < 2 || !branches.every(closed)) continue;
    branches.forEach((branch, i) => {
      const own = Object.keys(branch.properties ?? {});
      const others = branches.flatMap((other, j) => (j === i ? [] : Object.keys(other.properties ?? {})));
      const missing = [...new Set(others)].filter((field) => !own.includes(field));
      if (missing.length > 0) forbidden[names[i]] = [...new Set([...(forbidden[names[i]] ?? []), ...missing])];
    });
  }
  return forbidden;
}

/**
 * An openapi-typescript `postTransform` hook that appends `field?: never` to each branch type of
 * forbiddenFields(spec.components.schemas). Leaves every other type as openapi-typescript made it.
 */
export function exclusiveFieldsHook(spec) {
  const forbidden = forbiddenFields(spec.components?.schemas ?? {});
  const never = ts.factory.createKeywordTypeNode(ts.SyntaxKind.NeverKeyword);
  return (type, options) => {
    const name = options.path?.startsWith(SCHEMAS) ? options.path.slice(SCHEMAS.length) : undefined;
    const fields = name === undefined ? undefined : forbidden[name];
    if (!fields) return undefined;
    if (!ts.isTypeLiteralNode(type)) throw new Error(`${options.path}: expected an object type to add ${fields}`);
    const added = fields.map((field) =>
      ts.factory.createPropertySignature(
        undefined,
        /^[A-Za-z_$][\w$]*$/.test(field) ? field : ts.factory.createStringLiteral(field),
        ts.factory.createToken(ts.SyntaxKind.QuestionToken),
        never,
      ),
    );
    return ts.factory.updateTypeLiteralNode(type, ts.factory.createNodeArray([...type.members, ...added]));
  };
}
