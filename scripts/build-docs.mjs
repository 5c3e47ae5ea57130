#!/usr/bin/env node
// `npm run docs`: renders the bundled spec (generated/openapi.json) with Redocly into docs/index.html,
// one self-contained page that makes no network request when opened from disk. It renders a copy of the
// spec with the same meaning in a form Redoc reads right (scripts/docs-rendering.mjs).
//
// docs/index.html is a build output (gitignored): about 2.5 MB of minified Redoc, derived entirely from
// generated/openapi.json, which the drift test already guards. test/docs/page.test.ts rebuilds it.
//
//   node scripts/build-docs.mjs [--out FILE]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderingSpec } from './docs-rendering.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, 'docs/index.html');
const require = createRequire(import.meta.url);
const redocly = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');

// Redoc 3 renders "API docs by <Redocly logo>" in the sidebar, and loads that logo from its CDN even
// with --inlineBundle. A data: URI of our own (a plain "Redocly" wordmark) keeps the attribution and
// keeps the page offline-clean. Each URL must be found exactly once: if a Redoc update moves it, the
// build fails here instead of the page quietly calling out.
const wordmark = (width) =>
  'data:image/svg+xml,' +
  encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16">` +
      `<text x="0" y="12.5" font-family="sans-serif" font-size="12" font-weight="600" fill="#0044d4">` +
      `${width > 20 ? 'Redocly' : 'R'}</text></svg>`,
  );
const CDN_LOGOS = new Map([
  ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', wordmark(48)],
  ['https://cdn.redoc.ly/redoc/logo-mini.svg', wordmark(12)],
]);

// Redoc 3 shows an operation's x-codeSamples only for languages listed in its codeSamples option, keyed
// by label; the list is taken from the spec so that a sample added there shows up without a change here.
// "Payload" (the request body with its named examples) comes first: the first language is the one the
// right panel shows on arrival, and the body is what a reader of a contract looks for first.
const spec = JSON.parse(readFileSync(join(root, 'generated/openapi.json'), 'utf8'));
const labels = new Map();
for (const item of Object.values(spec.paths ?? {})) {
  for (const operation of Object.values(item)) {
    for (const { lang, label } of operation['x-codeSamples'] ?? []) labels.set(label ?? lang, lang);
  }
}
// Redoc 3 opens on the info section and folds each tag's operations behind "+ Show"; it has no option
// for another landing route. Its routes live in the URL hash (`#/<tag>/<operationid>`), and a page opened
// with such a hash starts on that operation, its tag unfolded in the sidebar. So a page opened without a
// hash is given the first operation's route before Redoc starts; the intro stays one click away (the
// sidebar's first entry). The route follows Redoc's slugs (lowercased, non-alphanumerics as `-`);
// test/docs/page.test.ts checks in Chromium that the landing view really is the operation.
const slug = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const firstOperation = Object.values(spec.paths ?? {})
  .flatMap((item) => Object.values(item))
  .find((operation) => operation.operationId && operation.tags?.length);
if (!firstOperation) throw new Error('build-docs: no tagged operation with an operationId to land on');
const landingRoute = `#/${slug(firstOperation.tags[0])}/${firstOperation.operationId.toLowerCase()}`;
const LANDING_SCRIPT =
  `<script>/* land on the operation */ if (!location.hash) ` +
  `history.replaceState(null, '', ${JSON.stringify(landingRoute)});</script>`;

// The right panel's header shows `POST <path>` on one line cut with an ellipsis, which hides the end of
// a long path (`.../reset-message-offset`): let it wrap instead. Selected by Redoc's component names,
// which are stable, not by its generated class names.
const PATH_BUTTON =
  '.panel-request-samples > [data-component-name="Panel/PanelHeader"] [data-component-name="Button/Button"]';
const PAGE_STYLE =
  `<style>/* show the whole path */ ${PATH_BUTTON} { align-items: flex-start; height: auto; } ` +
  `${PATH_BUTTON} > [data-component-name="Tag/Tag"] { align-self: flex-start; } ` +
  `${PATH_BUTTON} > span { white-space: normal; overflow-wrap: anywhere; text-align: left; } ` +
  // The error-code table's codes (`DMS.00400062`, second column) are cut mid-code otherwise.
  `/* codes whole */ table td:nth-child(2) code { white-space: nowrap; }</style>`;

const redocConfig = {
  openapi: {
    disableTelemetry: true, // Redoc 3 reports usage to otel.cloud.redocly.com unless told not to
    codeSamples: {
      languages: [{ lang: 'payload', label: 'Payload' }, ...[...labels].map(([label, lang]) => ({ lang, label }))],
    },
  },
};
// Redocly writes into a temporary folder; docs/index.html is only replaced by a page that passed the
// checks below, so a failed build never leaves a page that calls out.
const work = mkdtempSync(join(tmpdir(), 'dms-docs-'));
try {
  const configFile = join(work, 'redocly.yaml');
  const rendered = join(work, 'index.html');
  const specFile = join(work, 'openapi.json');
  writeFileSync(configFile, JSON.stringify(redocConfig)); // JSON is YAML
  // The page renders a copy in a form Redoc reads right (same meaning: see docs-rendering.mjs).
  writeFileSync(specFile, JSON.stringify(renderingSpec(spec).spec));
  try {
    execFileSync(
      process.execPath,
      [
        redocly,
        'build-docs',
        specFile,
        '--inlineBundle',
        '--config',
        configFile,
        '--title',
        'DMS for Kafka: reset a consumer group offset',
        '--output',
        rendered,
      ],
      {
        cwd: root,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
  } catch (error) {
    // Redocly's stderr is mostly a Node-version banner: shown only when the build fails.
    throw new Error(`build-docs: redocly build-docs failed\n${String(error.stderr ?? error)}`);
  }

  let html = readFileSync(rendered, 'utf8');
  for (const [url, replacement] of CDN_LOGOS) {
    const count = html.split(url).length - 1;
    if (count !== 1) throw new Error(`build-docs: expected the Redoc logo URL ${url} once, found it ${count} times`);
    html = html.replace(url, replacement);
  }
  // Into the page's own <head>, ahead of Redoc's module script (the bundle's code mentions <head> too).
  const head = /^<!DOCTYPE html>\s*<html[^>]*>\s*<head>/i.exec(html);
  if (!head) throw new Error('build-docs: the page does not start with <!DOCTYPE html><html><head>');
  html = `${head[0]}\n  ${LANDING_SCRIPT}\n  ${PAGE_STYLE}${html.slice(head[0].length)}`;
  // A quick static look for anything else the page would fetch by itself (a src attribute, a <link>, a
  // CSS url() at http(s)); test/docs/page.test.ts checks the real thing in Chromium.
  const external =
    html.match(/(?:\bsrc\s*=\s*["']?|<link\b[^>]*\bhref\s*=\s*["']?|url\(\s*["']?)https?:\/\/[^"' )>]+/g) ?? [];
  if (external.length > 0) throw new Error(`build-docs: the page would load ${external.join(', ')}`);

  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  console.log(`${out} (${Math.round(html.length / 1024)} KiB)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
