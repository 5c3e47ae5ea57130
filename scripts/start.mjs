#!/usr/bin/env node
// `npm start`: the Prism mock of the bundled spec on 127.0.0.1:4010 (PORT, HOST to change), with a
// ready-to-paste example call. Ctrl-C stops it.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const prism = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist/index.js');
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4010);

const child = spawn(process.execPath, [prism, 'mock', '--host', host, '--port', String(port), join(root, 'generated/openapi.json')], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
let ready = false;
child.stdout.setEncoding('utf8');
child.stdout.on('data', (chunk) => {
  if (ready || !chunk.includes('Prism is listening')) return;
  ready = true;
  const url = `http://${host}:${port}`;
  const path = '/v2/a4a5d4098fb4474fa22cd05f897d6b99/instances/5d5ab6a3-cf61-4b3c-9a4c-f3f1e3a0b8c2/management/groups/orders-consumer/reset-message-offset';
  console.log(`Mock of ResetMessageOffset listening on ${url}\n\nTry it (answers 204):\n`);
  console.log(`curl -i -X POST '${url}${path}' \\\n  -H 'Content-Type: application/json' -H 'X-Auth-Token: any-token' \\\n  -d '{"topic":"test","partition":0,"message_offset":10}'\n`);
  console.log('Ctrl-C to stop.');
});
const stop = () => child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
