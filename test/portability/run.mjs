#!/usr/bin/env node
// `npm run test:portability`: the bundled spec in other teams' toolchains. Each code generator in
// test/portability/package.json (its own npm project, installed here on first use so that the
// repository's npm ci stays light) runs on the spec into a temporary folder; any error or warning it
// prints fails the run. Then, per generator, probes/<generator>.ts and probes/checks.ts are compiled
// with its output (strict tsc): the generated code must type-check, a body by offset and one by
// timestamp must compile, and the diagnostics say whether "both fields" and "neither" are refused.
// The compiled checks are parsed by the generator's validators (where it makes them), and its client
// sends one call with the group `a/../b c` to a node:http server on 127.0.0.1, which reads the raw
// request path. swagger-parser validates the spec and Spectral lints it (`spectral:oas`: 0 findings;
// the OWASP ruleset as information). Tools run with no network (no-network.mjs refuses and reports any
// attempt). The measured table must equal the one in docs/other-generators.md.
//
//   npm run test:portability                      measure generated/openapi.json, check the doc
//   npm run test:portability -- --update          the same, and rewrite the doc's table
//   npm run test:portability -- --spec <file>     measure another bundled spec (the doc is not checked)
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureInstalled } from '../../scripts/npm-project.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const MODULES = join(HERE, 'node_modules');
const TMP = join(HERE, '.tmp');
const DOC = join(ROOT, 'docs/other-generators.md');
const MARKERS = ['<!-- portability:start (npm run test:portability -- --update) -->', '<!-- portability:end -->'];

const { values: options } = parseArgs({ options: { spec: { type: 'string' }, update: { type: 'boolean' } } });
const specFile = resolve(options.spec ?? join(ROOT, 'generated/openapi.json'));
const checkDoc = options.spec === undefined;
if (options.update && !checkDoc) throw new Error('--update writes the table for generated/openapi.json only');

/**
 * Each generator as a team runs it: its command line with default options, run in its own folder with
 * the output going to `out` (relative: typed-openapi prefixes even an absolute path with the folder).
 * A row for a non-default mode names its mode, and shares the default row's probe (`probe`) when the
 * generated names are the same.
 */
const GENERATORS = [
  {
    id: 'hey-api',
    package: '@hey-api/openapi-ts',
    bin: 'openapi-ts',
    args: (spec, out) => [
      ...['-i', spec, '-o', out, '-c', '@hey-api/client-fetch', '--no-log-file'],
      ...['-p', '@hey-api/typescript', '@hey-api/sdk', 'zod'],
    ],
  },
  {
    id: 'orval-fetch',
    package: 'orval',
    mode: 'fetch client',
    bin: 'orval',
    args: (spec, out) => ['--input', spec, '--output', join(out, 'client.ts'), '--client', 'fetch'],
  },
  {
    id: 'orval-zod',
    package: 'orval',
    mode: 'zod',
    bin: 'orval',
    args: (spec, out) => ['--input', spec, '--output', join(out, 'zod.ts'), '--client', 'zod'],
  },
  {
    id: 'openapi-zod-client',
    package: 'openapi-zod-client',
    bin: 'openapi-zod-client',
    args: (spec, out) => [spec, '-o', join(out, 'client.ts')],
  },
  // Not a default, but the flag a team needs for `additionalProperties: false` to be enforced at all.
  {
    id: 'openapi-zod-client-strict',
    package: 'openapi-zod-client',
    mode: '--strict-objects',
    probe: 'openapi-zod-client',
    bin: 'openapi-zod-client',
    args: (spec, out) => [spec, '-o', join(out, 'client.ts'), '--strict-objects'],
  },
  {
    id: 'typed-openapi',
    package: 'typed-openapi',
    mode: 'types and client',
    bin: 'typed-openapi',
    args: (spec, out) => [spec, '-o', join(out, 'client.ts')],
  },
  // Its zod runtime with the client does not type-check on any spec (`z.infer<TEndpoint>` of a plain
  // object: TS2344 on a one-operation spec too), so its schemas are measured on their own.
  {
    id: 'typed-openapi-zod',
    package: 'typed-openapi',
    mode: 'zod, --schemas-only',
    bin: 'typed-openapi',
    args: (spec, out) => [spec, '-o', join(out, 'zod.ts'), '-r', 'zod', '--schemas-only'],
  },
  {
    id: 'swagger-typescript-api',
    package: 'swagger-typescript-api',
    bin: 'swagger-typescript-api',
    args: (spec, out) => ['generate', '-p', spec, '-o', out, '-n', 'client.ts'],
  },
];

const PATH = { project_id: 'a4a5d4098fb4474fa22cd05f897d6b99', instance_id: '5d5ab6a3-cf61-4b3c-9a4c-f3f1e3a0b8c2' };
const HOSTILE_GROUP = 'a/../b c';
const wirePath = (group) =>
  `/v2/${PATH.project_id}/instances/${PATH.instance_id}/management/groups/${group}/reset-message-offset`;

const versionOf = (name) => JSON.parse(readFileSync(join(MODULES, name, 'package.json'), 'utf8')).version;
const stripAnsi = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** Runs a tool's bin with the network guard preloaded; resolves with its exit code and printed lines. */
function tool(bin, args, cwd) {
  return new Promise((done) => {
    const child = spawn(bin.startsWith('/') ? bin : join(MODULES, '.bin', bin), args, {
      cwd,
      env: {
        ...process.env,
        NODE_OPTIONS: `--import=${pathToFileURL(join(HERE, 'no-network.mjs'))}`,
        FORCE_COLOR: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code: code ?? signal, stdout: output, lines: stripAnsi(output).split('\n') });
    });
  });
}

/**
 * The lines of a tool's output that warn or report an error, each with the indented lines that follow
 * it (stack frames left out), the temporary folder's path taken out.
 */
function complaints({ code, lines }) {
  const found = [];
  let open = false;
  for (const line of lines) {
    if (/^\s+at /.test(line)) open = false;
    else if (/warn|error|fail|invalid|cannot|unsupported|deprecat|refused|⚠|🛑|✖/i.test(line)) {
      found.push(line.trim());
      open = true;
    } else if (open && /^\s+\S/.test(line)) found[found.length - 1] += ` ${line.trim()}`;
    else open = false;
  }
  if (code !== 0) found.push(`exit code ${code}`);
  return [...new Set(found.map((line) => line.replaceAll(TMP + '/', '')))];
}

/** Runs one generator, then sets its probe beside the output. */
async function generate(generator, spec) {
  const folder = join(TMP, generator.id);
  const out = join(folder, 'out');
  mkdirSync(out, { recursive: true });
  const result = await tool(generator.bin, generator.args(spec, 'out'), folder);
  const made = readdirSync(out).length > 0;
  if (made) {
    cpSync(join(HERE, 'probes', `${generator.probe ?? generator.id}.ts`), join(folder, 'probe.ts'));
    for (const file of ['checks.ts', 'shape.ts']) cpSync(join(HERE, 'probes', file), join(folder, file));
  }
  return { ...generator, folder, made, complaints: complaints(result) };
}

/**
 * Type-checks every probe with what its generator made, in one strict program, and emits JavaScript
 * beside the sources (type errors do not stop the emit: the run-time checks still run). Per generator:
 * which check lines have an error, and every other diagnostic.
 */
async function typeCheck(results) {
  const { default: ts } = await import(pathToFileURL(join(MODULES, 'typescript/lib/typescript.js')).href);
  const made = results.filter((r) => r.made);
  const program = ts.createProgram(
    made.map((r) => join(r.folder, 'checks.ts')),
    {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: [],
      skipLibCheck: true,
    },
  );
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...program.emit().diagnostics];
  for (const r of made) {
    // Each checks.ts declaration's span: a diagnostic inside it (on whichever of its lines) is its verdict.
    const spans = program
      .getSourceFile(join(r.folder, 'checks.ts'))
      .statements.filter(ts.isVariableStatement)
      .map((s) => ({ name: s.declarationList.declarations[0].name.getText(), start: s.pos, end: s.end }));
    r.refusedByTypes = {};
    r.typeErrors = [];
    for (const d of diagnostics) {
      if (!d.file?.fileName.startsWith(r.folder + '/')) continue;
      const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
      const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
      const name = d.file.fileName.endsWith('/checks.ts')
        ? spans.find((s) => ['both', 'neither'].includes(s.name) && d.start >= s.start && d.start < s.end)?.name
        : undefined;
      if (name) r.refusedByTypes[name] = true;
      else r.typeErrors.push(`${relative(r.folder, d.file.fileName)}(${line + 1}): TS${d.code} ${message}`);
    }
  }
}

/** A node:http server on 127.0.0.1 that answers 204 and keeps each request's raw path. */
async function recordingServer() {
  const paths = [];
  const server = createServer((request, response) => {
    paths.push(request.url);
    request.resume().on('end', () => response.writeHead(204).end());
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  return { baseUrl: `http://127.0.0.1:${server.address().port}`, paths, close: () => server.close() };
}

/** Whether a call reached the server, and with which path; or the error the client threw first. */
async function sendOnce(send, server, group, body) {
  const before = server.paths.length;
  try {
    await send(server.baseUrl, { ...PATH, group }, body);
  } catch (error) {
    if (server.paths.length === before) return { error: String(error?.message ?? error).split('\n')[0] };
  }
  return { path: server.paths[before] };
}

/** Parses the checks with the generator's validator and sends calls through its client. */
async function runTimeChecks(r, server) {
  const { probe } = await import(pathToFileURL(join(r.folder, 'probe.js')).href);
  const checks = await import(pathToFileURL(join(r.folder, 'checks.js')).href);
  if (typeof probe.validator === 'string') r.refusedByValidator = probe.validator;
  else {
    const refused = (name) => !probe.validator.safeParse(checks[name]).success;
    r.refusedByValidator = { both: refused('both'), neither: refused('neither') };
    for (const name of ['byOffset', 'byTimestamp'])
      if (refused(name)) r.typeErrors.push(`its validator refuses the valid body ${name}`);
  }
  if (typeof probe.send === 'string') {
    r.encodes = probe.send;
    return;
  }
  const plain = await sendOnce(probe.send, server, 'orders-consumer', checks.byOffset);
  if (plain.path !== wirePath('orders-consumer'))
    r.typeErrors.push(`its client does not send a plain call: ${plain.error ?? `path ${plain.path}`}`);
  const hostile = await sendOnce(probe.send, server, HOSTILE_GROUP, checks.byOffset);
  if (hostile.error) r.encodes = `refused before sending (${hostile.error})`;
  else if (hostile.path === wirePath(encodeURIComponent(HOSTILE_GROUP))) r.encodes = 'yes';
  else r.encodes = `no: sent \`…${hostile.path.slice(hostile.path.indexOf('/management/'))}\``;
}

/** swagger-parser's verdict on the spec (run like the generators, with the network guard). */
async function swaggerParser(spec) {
  const script = `import p from '@apidevtools/swagger-parser';
    try { await p.validate(${JSON.stringify(spec)}); } catch (e) { console.log(e.message); process.exitCode = 1; }`;
  const result = await tool(process.execPath, ['--input-type=module', '-e', script], HERE);
  const message = result.lines
    .filter((line) => line.trim())
    .map((line) => line.trim())
    .join(' ');
  return result.code === 0 && message === ''
    ? { verdict: 'valid', complaints: [] }
    : { verdict: `invalid: ${message}`, complaints: [message] };
}

/** Spectral's findings with one of the rulesets beside this file. */
async function spectral(spec, ruleset) {
  const result = await tool('spectral', ['lint', spec, '--ruleset', join(HERE, ruleset), '-f', 'json', '-q'], HERE);
  let findings;
  try {
    findings = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')));
  } catch {
    return { verdict: 'did not run', complaints: complaints(result).length ? complaints(result) : [result.stdout] };
  }
  const counts = {};
  for (const f of findings) counts[f.code] = (counts[f.code] ?? 0) + 1;
  const listed = Object.entries(counts).map(([code, n]) => `\`${code}\` ${n}`);
  return {
    verdict: findings.length === 0 ? '0 findings' : `${findings.length} findings: ${listed.join(', ')}`,
    complaints: findings.map((f) => `${f.code} at ${f.path.join('.')}: ${f.message}`),
  };
}

const yesNo = (value) => (value ? 'yes' : 'no');
const cell = (text) => String(text).replaceAll('|', '\\|');

/** The doc's table and the messages behind it, as Markdown. */
function render(results, tools) {
  const rows = results.map((r) => {
    if (!r.made) return `| ${r.label} | no | - | - | - | - | - |`;
    const byValidator = (key) => (typeof r.refusedByValidator === 'string' ? '-' : yesNo(r.refusedByValidator?.[key]));
    const generates = r.complaints.length || r.typeErrors.length ? 'with errors (below)' : 'yes';
    const encodes = r.encodes?.startsWith('none') ? '-' : cell(r.encodes ?? '-');
    return `| ${[r.label, generates, yesNo(r.refusedByTypes.both), yesNo(r.refusedByTypes.neither), byValidator('both'), byValidator('neither'), encodes].join(' | ')} |`;
  });
  const messages = [...results, ...tools.filter((t) => !t.informational)]
    .map((r) => ({ name: r.label, lines: [...r.complaints, ...(r.typeErrors ?? [])] }))
    .filter((r) => r.lines.length > 0)
    .map((r) => `- ${r.name}:\n${r.lines.map((line) => `  - \`${line.replaceAll('`', "'")}\``).join('\n')}`);
  const none = (key) =>
    results
      .filter((r) => r[key]?.startsWith?.('none'))
      .map((r) => r.label)
      .join(', ');
  return [
    '| generator | generates | both refused by its types | neither refused by its types | both refused by its validator | neither refused by its validator | percent-encodes `group` (`a/../b c`) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    [
      none('refusedByValidator') && `"-" under its validator: it makes none (${none('refusedByValidator')}).`,
      none('encodes') && `"-" under percent-encodes: it makes no client (${none('encodes')}).`,
      results.some((r) => !r.made) && '"-" across a row: nothing was generated to measure.',
    ]
      .filter(Boolean)
      .join(' '),
    '',
    '| tool | verdict on the bundled spec |',
    '| --- | --- |',
    ...tools.map((t) => `| ${t.label} | ${cell(t.verdict)} |`),
    '',
    messages.length
      ? `What they print or report:\n\n${messages.join('\n')}`
      : 'None of them prints a warning or an error.',
  ].join('\n');
}

const started = Date.now();
ensureInstalled(HERE, 'portability');
rmSync(TMP, { recursive: true, force: true });
mkdirSync(TMP, { recursive: true });
const spec = join(TMP, 'openapi.json');
cpSync(specFile, spec);

try {
  const [results, ...tools] = await Promise.all([
    Promise.all(
      GENERATORS.map((g) =>
        generate({ ...g, label: `${g.package} ${versionOf(g.package)}${g.mode ? ` (${g.mode})` : ''}` }, spec),
      ),
    ),
    swaggerParser(spec).then((r) => ({
      ...r,
      label: `@apidevtools/swagger-parser ${versionOf('@apidevtools/swagger-parser')} validate`,
    })),
    spectral(spec, 'oas.spectral.yaml').then((r) => ({
      ...r,
      label: `Spectral ${versionOf('@stoplight/spectral-cli')} \`spectral:oas\``,
    })),
    spectral(spec, 'owasp.spectral.mjs').then((r) => ({
      ...r,
      label: `Spectral OWASP ruleset ${versionOf('@stoplight/spectral-owasp-ruleset')} (information only)`,
      informational: true,
    })),
  ]);
  await typeCheck(results);
  const server = await recordingServer();
  try {
    for (const r of results.filter((r) => r.made)) await runTimeChecks(r, server);
  } finally {
    server.close();
  }

  const table = render(results, tools);
  console.log(`\n${table}\n`);
  const failures = [
    ...results.filter((r) => !r.made || r.complaints.length || r.typeErrors.length).map((r) => r.id),
    ...tools.filter((t) => !t.informational && t.complaints.length).map((t) => t.label),
  ];
  if (checkDoc) {
    const doc = readFileSync(DOC, 'utf8');
    const [start, end] = MARKERS.map((m) => doc.indexOf(m));
    if (start < 0 || end < start) throw new Error(`${relative(ROOT, DOC)}: the table's markers are missing`);
    // Formatted as `npm run format` would, so that Prettier's check and this one agree.
    const { default: prettier } = await import(pathToFileURL(join(ROOT, 'node_modules/prettier/index.mjs')).href);
    const updated = await prettier.format(
      `${doc.slice(0, start + MARKERS[0].length)}\n\n${table}\n\n${doc.slice(end)}`,
      {
        ...(await prettier.resolveConfig(DOC)),
        filepath: DOC,
      },
    );
    if (options.update) writeFileSync(DOC, updated);
    else if (updated !== doc)
      failures.push(
        `${relative(ROOT, DOC)} (its table differs from the one measured above: npm run test:portability -- --update)`,
      );
  } else console.log(`portability: measured ${specFile}; docs/other-generators.md not checked`);
  console.log(`portability: ${Math.round((Date.now() - started) / 1000)} s`);
  if (failures.length) {
    console.error(`portability: FAIL: ${failures.join(', ')}`);
    process.exitCode = 1;
  } else console.log('portability: pass');
} finally {
  rmSync(TMP, { recursive: true, force: true });
}
