// The rendered docs, read like a reader would: `npm run docs` builds docs/index.html, Chromium opens it
// from disk with every other request blocked and recorded, and the test looks at the landing view before
// any click, then clicks through the two body alternatives, the responses, the security schemes, the code
// samples and the error-code table.
//
// The page (2.5 MB of Redoc) is loaded once for the file, in one tab, and the tests read it in order like
// one reader: the landing view first, before anything scrolls or clicks; every later test starts from
// resetView() (no dialog open, the operation at the top of the screen) and clicks its own way to what it
// checks, so none depends on what an earlier one left selected. Requests and errors are still checked
// after every test.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeInChromium, run } from '../support/index.js';
import { operation, OPERATION_PATH, ROOT, spec } from '../support/spec.js';
import { launchRecordingBrowser, type RecordingBrowser } from './browser.js';
// @ts-expect-error: a plain .mjs script without type declarations
import { loadErrorCodes } from '../../scripts/error-codes.mjs';

const PAGE_FILE = join(ROOT, 'docs/index.html');
const PAGE_URL = pathToFileURL(PAGE_FILE).href;
const SHOTS = join(ROOT, 'test-results/docs');
const SCREENSHOT = join(SHOTS, 'index.png');
const OPERATION_TITLE = "Reset a consumer group's offset";
const OPERATION_SECTION = '/consumer-groups/resetmessageoffset';
const INFO_TITLE = (spec.info as { title?: string }).title ?? '';
const ERROR_CODES = (
  loadErrorCodes as () => Array<{
    statuses: number[];
    codes: string[];
    codesNote?: string;
    meaning: string;
    action: string;
  }>
)();
const ERROR_FIELDS = Object.keys((spec.components.schemas['ErrorBody'] as { properties: object }).properties);
const codeSamples =
  (operation as typeof operation & { 'x-codeSamples'?: Array<{ lang: string; label: string }> })['x-codeSamples'] ?? [];

describeInChromium('docs/index.html in Chromium', () => {
  let browser: RecordingBrowser;
  /** The one tab of the file, opened on the page in beforeAll. */
  let page: Page;
  /** What the tab asked for while it loaded (the first afterEach then checks there was nothing else). */
  let loadRequests: string[];

  beforeAll(async () => {
    const build = await run('node', [join(ROOT, 'scripts/build-docs.mjs')]);
    expect(build.stderr, 'npm run docs failed').toBe('');
    expect(build.code).toBe(0);
    browser = await launchRecordingBrowser(PAGE_URL);
    mkdirSync(SHOTS, { recursive: true });
    page = await browser.open(PAGE_URL);
    loadRequests = [...browser.requests];
  });

  afterAll(async () => {
    await browser?.close();
  });

  // Whatever a test clicked, the page must not have asked for anything but itself, nor logged an error.
  afterEach(() => {
    const others = browser.requests.filter((url) => url !== PAGE_URL);
    const errors = [...browser.errors];
    browser.requests.length = 0;
    browser.errors.length = 0;
    expect(others, 'requests other than the page file').toEqual([]);
    expect(errors, 'console or page errors').toEqual([]);
  });

  /**
   * Brings the tab back to a reader's starting point: no dialog open, the operation's route (Redoc 3 shows
   * one route at a time and mounts it afresh), then waits for its heading and scrolls it to the top.
   */
  async function resetView(): Promise<{ section: Locator }> {
    // Redoc's security details open in a modal portal: Escape closes it, and nothing else reacts to it.
    await page.keyboard.press('Escape');
    // Via the intro's route, so that the operation's route is mounted afresh even when it is the current one.
    await page.evaluate(() => {
      window.location.hash = '#/';
    });
    await expect.poll(() => page.url()).toBe(`${PAGE_URL}#/`);
    await page.evaluate((route) => {
      window.location.hash = route;
    }, `#${OPERATION_SECTION}`);
    const heading = page.getByRole('heading', { name: OPERATION_TITLE }).first();
    await expect.poll(() => heading.isVisible()).toBe(true);
    // Redoc scrolls the mounted route to the operation by itself, later on a busy machine. Scrolling to the
    // same place here, until two reads agree, leaves one position whichever comes last: with the page at
    // the top instead, the right column's dropdowns sit at the bottom of the screen and their menus open
    // below it.
    const section = page.locator(`[data-section-id="${OPERATION_SECTION}"]`);
    let last = -1;
    await expect
      .poll(async () => {
        const y = await section.evaluate((element) => {
          element.scrollIntoView({ block: 'start' });
          return Math.round(window.scrollY);
        });
        const settled = y === last;
        last = y;
        return settled;
      })
      .toBe(true);
    return { section };
  }

  // First, while the tab is as it loaded: nothing has scrolled or clicked yet.
  it('lands on the operation: POST, the whole path and a request body in view, without a click', async () => {
    const viewport = page.viewportSize() ?? { width: 0, height: 0 };
    /** True when the element is rendered, visible and entirely inside the first screen. */
    const onFirstScreen = (locator: Locator) =>
      locator.evaluate((element, { width, height }) => {
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        return (
          box.width > 0 &&
          box.height > 0 &&
          style.visibility !== 'hidden' &&
          box.top >= 0 &&
          box.left >= 0 &&
          box.bottom <= height &&
          box.right <= width
        );
      }, viewport);

    const heading = page.getByRole('heading', { name: OPERATION_TITLE }).first();
    await expect.poll(() => heading.isVisible()).toBe(true);
    await expect.poll(() => onFirstScreen(heading), { message: 'the operation heading' }).toBe(true);

    // The right panel's header: the method and the whole path, not cut by an ellipsis.
    const header = page
      .locator(
        '.panel-request-samples > [data-component-name="Panel/PanelHeader"] [data-component-name="Button/Button"]',
      )
      .first();
    await expect.poll(() => onFirstScreen(header.getByText('POST', { exact: true })), { message: 'POST' }).toBe(true);
    const path = header.locator(':scope > span').first();
    expect(await path.innerText()).toBe(OPERATION_PATH);
    expect(await onFirstScreen(path), 'the path').toBe(true);
    expect(
      await path.evaluate((element) => element.scrollWidth <= element.clientWidth + 1),
      'the path is shown whole, not cut with an ellipsis',
    ).toBe(true);

    // The request body: the first documented example, as JSON, under the example picker.
    const [first] = Object.values(operation.requestBody.content['application/json']?.examples ?? {});
    const example = first?.$ref ? spec.components.examples[first.$ref.split('/').pop() ?? ''] : first;
    const firstExample = example?.value as Record<string, unknown>;
    expect(Object.keys(firstExample)).toContain('message_offset');
    const body = page
      .locator('.panel-request-samples [data-component-name="CodeBlock/CodeBlock"]')
      .filter({ hasText: '"message_offset"' })
      .first();
    await expect.poll(() => onFirstScreen(body), { message: 'the request body sample' }).toBe(true);
    const text = await body.innerText();
    for (const [key, value] of Object.entries(firstExample))
      expect(text).toContain(`"${key}": ${JSON.stringify(value)}`);

    // The sidebar has the operation open and marked, and the intro is its first entry.
    const sidebar = page.locator('[data-component-name="Menu/Menu"]').first();
    await expect.poll(() => onFirstScreen(sidebar.getByText(OPERATION_TITLE, { exact: true }))).toBe(true);
    expect(page.url()).toBe(`${PAGE_URL}#${OPERATION_SECTION}`);
    await page.screenshot({ path: join(SHOTS, 'landing.png') });

    // One click on the sidebar's first entry takes the reader to the intro.
    await sidebar.getByText(INFO_TITLE, { exact: true }).click();
    const intro = page.getByRole('heading', { name: INFO_TITLE }).first();
    await expect.poll(() => onFirstScreen(intro)).toBe(true);
  });

  it('opens from disk, asks for nothing but itself, and logs no error', async () => {
    expect(loadRequests, 'the page file itself was loaded through the recorder').toContain(PAGE_URL);
    await page.waitForLoadState('networkidle');
    // Scroll to the end so that every lazily rendered section mounts (and would fetch, if it did).
    await scrollThrough(page);
    await expect.poll(() => page.title()).toBe('DMS for Kafka: reset a consumer group offset');
    // The sidebar's "API docs by" logo is our inlined data: image (Redoc's own comes from a CDN).
    const logo = page.getByAltText('redocly logo');
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await logo.getAttribute('src')).toMatch(/^data:image\/svg\+xml,/);
  });

  it('shows the operation with its description: stop consumers first, clamping, permission', async () => {
    const { section } = await resetView();
    const text = await section.innerText();
    expect(text).toContain('/v2/{project_id}/instances/{instance_id}/management/groups/{group}/reset-message-offset');
    expect(text).toContain("Stop the group's consumers first: offsets of an online group cannot be reset.");
    expect(text).toMatch(
      /Clamping: an offset or time earlier than the earliest retained one resets to the earliest, one\s+later than the latest resets to the latest; neither is an error\./,
    );
    expect(text).toContain('Permission: dms:instance:modify');
  });

  it('shows "By offset" and "By timestamp" as exactly-one alternatives, the other field marked "must not be sent"', async () => {
    const { section } = await resetView();
    const body = section.locator('[id$="/request/body"]');
    const byOffset = body.getByRole('tab', { name: 'By offset', exact: true });
    const byTimestamp = body.getByRole('tab', { name: 'By timestamp', exact: true });
    await expect.poll(() => body.innerText()).toMatch(/One of:\s+By offset\s+By timestamp/);
    const alternatives = [
      { tab: byOffset, field: 'message_offset', other: 'timestamp', shot: 'body-by-offset.png' },
      { tab: byTimestamp, field: 'timestamp', other: 'message_offset', shot: 'body-by-timestamp.png' },
    ];
    for (const { tab, field, other, shot } of alternatives) {
      await tab.click();
      await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
      // Each property row reads "<name>\n<type>...": the allowed fields only, none of them untyped.
      const rows = async () =>
        (await body.locator('.schema-property-item').allInnerTexts()).map((row) => row.split('\n').filter(Boolean));
      await expect.poll(async () => (await rows()).map(([name]) => name)).toEqual(['topic', 'partition', field]);
      for (const [name, type] of await rows()) expect(type, `the type shown for ${name}`).not.toMatch(/^any\b/);
      const required = await body
        .locator('.schema-property-item', { has: page.getByText('required', { exact: true }) })
        .locator('.schema-name')
        .allInnerTexts();
      expect(required).toEqual(['topic', field]);
      // The forbidden field is named, as such, in the alternative's own description.
      expect(await body.innerText()).toContain(`${other} must not be sent with ${field}`);
      await body.screenshot({ path: join(SHOTS, shot) });
    }
  });

  it('shows every documented response, the 204 and the 400 included, with its examples', async () => {
    const { section } = await resetView();
    const statuses = Object.keys(operation.responses);
    expect(statuses).toEqual(expect.arrayContaining(['204', '400']));
    const samples = section.locator('.panel-response-samples');
    for (const status of statuses) {
      // The middle column documents the response; the right column shows its examples.
      await section.getByRole('tab', { name: status, exact: true }).click();
      await samples.getByRole('button', { name: status, exact: true }).click();
      const examples = documentedExamples(status);
      if (examples.length === 0) {
        await expect.poll(() => samples.innerText(), { message: status }).toContain('No content');
        continue;
      }
      // The error body lists its own fields only (after the X-Request-Id header): no "property name*"
      // row of type any for the other fields it allows (its description says so in words).
      const response = section.locator(`[id$="/response&c=${status}/body"]`).locator('xpath=..');
      const names = () => response.locator('.schema-property-item .schema-name').allInnerTexts();
      await expect.poll(names, { message: status }).toEqual(['X-Request-Id', ...ERROR_FIELDS]);
      expect(await response.innerText()).not.toMatch(/property name|\bany\b/);
      // Redoc lists a response's examples by summary in a dropdown and shows the first one.
      for (const [index, example] of examples.entries()) {
        if (index > 0) await chooseFromDropdown(page, samples, example.summary);
        await expect
          .poll(() => samples.innerText(), { message: `${status} ${example.summary}` })
          .toContain(`"error_code": "${example.code}"`);
      }
    }
  });

  it('shows both security schemes, with the AK/SK signing steps', async () => {
    const { section } = await resetView();
    expect(await section.innerText()).toContain('iamToken or akskSignature');
    await section.getByRole('button', { name: 'View security details' }).click();
    // Redoc's security modal is a portal under <body> without a dialog role.
    const dialog = page.locator('body > div', { has: page.getByRole('tab', { name: 'akskSignature', exact: true }) });
    await dialog.getByRole('tab', { name: 'iamToken', exact: true }).click();
    await expect.poll(() => dialog.innerText()).toContain('An IAM token (valid for 24 hours)');
    expect(await dialog.innerText()).toMatch(/Header parameter name:\s+X-Auth-Token/);

    await dialog.getByRole('tab', { name: 'akskSignature', exact: true }).click();
    await expect.poll(() => dialog.innerText()).toContain('SDK-HMAC-SHA256');
    const text = await dialog.innerText();
    for (const step of [
      'X-Sdk-Date: the current UTC time as YYYYMMDDTHHMMSSZ',
      'Canonical request: the method, the canonical URI',
      'String to sign: SDK-HMAC-SHA256\\n + X-Sdk-Date',
      'Signature: hex HMAC-SHA256 of the string to sign, keyed with the secret key (SK)',
      'Authorization: SDK-HMAC-SHA256 Access={AK}, SignedHeaders={names}, Signature={signature}',
    ]) {
      expect(text).toContain(step);
    }
  });

  it('shows the code samples: TypeScript and curl, each with a token and with AK/SK', async () => {
    await resetView();
    const samples = codeSamples;
    expect(samples.map((s) => s.label)).toEqual([
      'TypeScript (token)',
      'TypeScript (AK/SK)',
      'curl (token)',
      'curl (AK/SK)',
    ]);
    const panel = page
      .locator('[data-component-name="Panel/Panel"]', {
        has: page.locator('[data-component-name="CodeBlock/CodeBlock"]'),
      })
      .first();
    const marks: Record<string, string> = {
      'TypeScript (token)': 'tokenAuth(token)',
      'TypeScript (AK/SK)': 'akskAuth({ accessKey, secretKey })',
      'curl (token)': 'X-Auth-Token: $OS_AUTH_TOKEN',
      'curl (AK/SK)': 'openssl dgst -sha256 -hmac',
    };
    for (const sample of samples) {
      await chooseFromDropdown(page, panel, sample.label);
      const code = panel.locator('[data-component-name="CodeBlock/CodeBlock"]').first();
      await expect.poll(() => code.innerText(), { message: sample.label }).toContain(marks[sample.label]);
    }
  });

  it('shows the error-code table: status, error_code, meaning and what to do, row by row', async () => {
    await resetView();
    const sidebar = page.locator('[data-component-name="Menu/Menu"]').first();
    await sidebar.getByText('Error codes', { exact: true }).click();
    const table = page.locator('table', { has: page.getByRole('columnheader', { name: 'what to do' }) }).first();
    await expect.poll(() => table.isVisible()).toBe(true);
    expect(await table.locator('th').allInnerTexts()).toEqual(['status', 'error_code', 'meaning', 'what to do']);
    const shown = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => td.innerText.trim())));
    // The page shows Markdown as text: code spans and bold lose their marks.
    const plain = (markdown: string) => markdown.replace(/\*\*|`/g, '');
    expect(shown).toEqual(
      ERROR_CODES.map((row) => [
        row.statuses.join(', '),
        plain([row.codes.map((code) => `\`${code}\``).join(', '), row.codesNote].filter(Boolean).join(' ')),
        plain(row.meaning),
        plain(row.action),
      ]),
    );
    await table.screenshot({ path: join(SHOTS, 'error-codes.png') });
  });

  it('saves a full-page screenshot to test-results/docs/', async () => {
    await resetView();
    await scrollThrough(page);
    const png = await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(png.length).toBeGreaterThan(50_000);
  });
});

/** A response's named examples as the page shows them: summary, and the error code of the body. */
function documentedExamples(status: string): Array<{ summary: string; code: string }> {
  const response = operation.responses[status];
  const resolved = response?.$ref ? spec.components.responses[response.$ref.split('/').pop() ?? ''] : response;
  const examples = (resolved?.content?.['application/json']?.examples ?? {}) as Record<
    string,
    { summary?: string; value?: { error_code?: string } }
  >;
  return Object.entries(examples).map(([name, example]) => ({
    summary: example.summary ?? name,
    code: example.value?.error_code ?? '',
  }));
}

/** Opens the dropdown of `container` that currently shows another option, and picks `option`. */
async function chooseFromDropdown(page: Page, container: Locator, option: string): Promise<void> {
  const dropdowns = container.locator('[data-component-name="Dropdown/Dropdown"]');
  const count = await dropdowns.count();
  for (let i = 0; i < count; i++) {
    const dropdown = dropdowns.nth(i);
    await dropdown.click();
    const item = page.locator('[data-component-name="Dropdown/DropdownMenuItem"]', { hasText: option }).first();
    if (await item.isVisible()) {
      await item.click();
      return;
    }
    await page.keyboard.press('Escape');
  }
  throw new Error(`no dropdown offers "${option}"`);
}

/** Scrolls to the bottom step by step, so that lazily mounted sections render. */
async function scrollThrough(page: Page): Promise<void> {
  for (let step = 0; step < 40; step++) {
    const atEnd = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    });
    await page.waitForTimeout(100);
    if (atEnd) break;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
