// The package's other entry points as a plain-JavaScript consumer reaches them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import spec from 'dms-kafka-reset-offset/openapi.json' with { type: 'json' };
import pkg from 'dms-kafka-reset-offset/package.json' with { type: 'json' };

const yaml = readFileSync(fileURLToPath(import.meta.resolve('dms-kafka-reset-offset/openapi.yaml')), 'utf8');
const schema = await import('dms-kafka-reset-offset/schema');
const root = await import('dms-kafka-reset-offset');
// No CommonJS build: a CommonJS caller goes through Node's require(esm) (Node >= 20.19).
let requireWorks;
try {
  requireWorks = typeof createRequire(import.meta.url)('dms-kafka-reset-offset').createResetOffsetClient === 'function';
} catch (error) {
  requireWorks = `${error.code}`;
}
console.log(
  JSON.stringify({
    openapi: spec.openapi,
    yamlStart: yaml.slice(0, 14),
    version: pkg.version,
    schemaExports: Object.keys(schema),
    rootExports: Object.keys(root).sort(),
    requireWorks,
  }),
);
