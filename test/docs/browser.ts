// Debian's Chromium driven by playwright-core: never a downloaded browser. Every request the page makes
// is recorded and, unless it is the page file itself, aborted; console errors and page errors are
// recorded too, so a test can assert the page is self-contained and clean.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from '../support/index.js';

// Flags that work as root on a closed network; the background-networking ones keep Chromium itself
// from calling home, so anything recorded comes from the page.
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RecordingBrowser {
  context: BrowserContext;
  /** Every URL the pages asked for, the page file included. */
  requests: string[];
  /** Console messages of type error, and uncaught page errors. */
  errors: string[];
  /** Opens `fileUrl` in a fresh tab, recording its requests and errors. */
  open(fileUrl: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchRecordingBrowser(allowedUrl: string): Promise<RecordingBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'dms-docs-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: LAUNCH_ARGS,
    viewport: { width: 1400, height: 900 },
    serviceWorkers: 'block',
    // Network off, as for a reader opening the file on a plane; the route below still sees (and
    // records) every request the page attempts.
    offline: true,
  });
  const requests: string[] = [];
  const errors: string[] = [];
  // Routing on the context also covers popups and workers the page might start.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    return url === allowedUrl ? route.continue() : route.abort('blockedbyclient');
  });
  context.on('weberror', (error) => errors.push(`page error: ${error.error().message}`));
  const open = async (fileUrl: string) => {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
    });
    page.on('websocket', (socket) => requests.push(socket.url()));
    await page.goto(fileUrl, { waitUntil: 'load' });
    return page;
  };
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, requests, errors, open, close };
}
