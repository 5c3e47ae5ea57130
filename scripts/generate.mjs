#!/usr/bin/env node
// Regenerates everything under generated/ from openapi/openapi.yaml. Never edit generated/ by hand:
// change the spec, run `npm run generate`, commit both. test/drift.test.ts fails when they differ.
//
//   generated/openapi.json, openapi.yaml  the bundled spec (redocly bundle)
//   generated/schema.d.ts                 TypeScript types (openapi-typescript, with `?: never` for the
//                                         other branch's field of an exclusive oneOf: exclusive-fields.mjs)
//   generated/validators.js, .d.ts        precompiled ajv validators (ajv standalone, no runtime imports):
//   generated/validators/*.js             one module per validator, re-exported by validators.js
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { exclusiveFieldsHook } from './exclusive-fields.mjs';
import { buildValidatorModules } from './validators.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --out DIR writes elsewhere (the drift test regenerates into a temporary folder and compares).
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, 'generated');
const require = createRequire(import.meta.url);
const bin = (pkg, rel) => join(dirname(require.resolve(`${pkg}/package.json`)), rel);
const run = (file, args) =>
  execFileSync(process.execPath, [file, ...args], {
    cwd: root,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });

mkdirSync(out, { recursive: true });

const redocly = bin('@redocly/cli', 'bin/cli.js');
const rel = (file) => relative(root, join(out, file));
for (const ext of ['json', 'yaml']) {
  run(redocly, ['bundle', 'openapi/openapi.yaml', '--output', rel(`openapi.${ext}`)]);
}

const spec = JSON.parse(readFileSync(join(out, 'openapi.json'), 'utf8'));

// openapi-typescript through its Node API, for the postTransform hook (see exclusiveFieldsHook). Without
// a `redocly` option it checks the bundle with Redocly's `minimal` rules only, never ./redocly.yaml's strict
// lint rules (its older Redocly engine can abort on them; `redocly lint` checks the spec instead).
// --default-non-nullable false: a field with a `default` (partition) stays optional in the request type.
const types = await openapiTS(pathToFileURL(join(out, 'openapi.yaml')), {
  defaultNonNullable: false,
  silent: true,
  postTransform: exclusiveFieldsHook(spec),
});
writeFileSync(join(out, 'schema.d.ts'), COMMENT_HEADER + astToString(types));

// Old validator modules are removed first, so that a validator dropped from the spec leaves no file.
rmSync(join(out, 'validators'), { recursive: true, force: true });
mkdirSync(join(out, 'validators'));
for (const [file, text] of Object.entries(buildValidatorModules(spec))) writeFileSync(join(out, file), text);
console.log(`${rel('')}: openapi.json, openapi.yaml, schema.d.ts, validators.js, validators.d.ts, validators/*.js`);
