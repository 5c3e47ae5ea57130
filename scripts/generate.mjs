#!/usr/bin/env node
// Regenerates everything under generated/ from openapi/openapi.yaml. Never edit generated/ by hand:
// change the spec, run `npm run generate`, commit both. test/drift.test.ts fails when they differ.
//
//   generated/openapi.json, openapi.yaml  the bundled spec (redocly bundle)
//   generated/schema.d.ts                 TypeScript types (openapi-typescript)
//   generated/validators.js, .d.ts        precompiled ajv validators (ajv standalone, no runtime imports):
//   generated/validators/*.js             one module per validator, re-exported by validators.js
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
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

run(bin('openapi-typescript', 'bin/cli.js'), [
  rel('openapi.yaml'),
  '--output',
  rel('schema.d.ts'),
  '--default-non-nullable',
  'false',
  '--redocly',
  'scripts/openapi-typescript.redocly.yaml',
]);

const spec = JSON.parse(readFileSync(join(out, 'openapi.json'), 'utf8'));
// Old validator modules are removed first, so that a validator dropped from the spec leaves no file.
rmSync(join(out, 'validators'), { recursive: true, force: true });
mkdirSync(join(out, 'validators'));
for (const [file, text] of Object.entries(buildValidatorModules(spec))) writeFileSync(join(out, file), text);
console.log(`${rel('')}: openapi.json, openapi.yaml, schema.d.ts, validators.js, validators.d.ts, validators/*.js`);
