// The rendered docs, read like a reader would: `npm run docs` builds docs/index.html, Chromium opens it
// from disk with every other request blocked and recorded, and the test clicks through the operation,
// the two body alternatives, the responses, the security schemes and the code samples.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeInChromium, run } from '../support/index.js';
import { operation, ROOT, spec } from '../support/spec.js';
import { launchRecordingBrowser, type RecordingBrowser } from './browser.js';

const PAGE_FILE = join(ROOT, 'docs/index.html');
const PAGE_URL = pathToFileURL(PAGE_FILE).href;
const SCREENSHOT = join(ROOT, 'test-results/docs/index.png');
const OPERATION_TITLE = "Reset a consumer group's offset";
const OPERATION_SECTION = '/consumer-groups/resetmessageoffset';
const codeSamples =
  (operation as typeof operation & { 'x-codeSamples'?: Array<{ lang: string; label: string }> })['x-codeSamples'] ?? [];

describeInChromium('docs/index.html in Chromium', () => {
  let browser: RecordingBrowser;

  beforeAll(async () => {
    const build = await run('node', [join(ROOT, 'scripts/build-docs.mjs')]);
    expect(build.stderr, 'npm run docs failed').toBe('');
    expect(build.code).toBe(0);
    browser = await launchRecordingBrowser(PAGE_URL);
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

  /** Opens the page and goes to the operation through the sidebar, as a reader would. */
  async function openOperation(): Promise<{ page: Page; section: Locator }> {
    const page = await browser.open(PAGE_URL);
    const sidebar = page.locator('[data-component-name="Menu/Menu"]').first();
    await sidebar.getByText('Consumer groups', { exact: true }).click();
    await sidebar.getByText(OPERATION_TITLE, { exact: true }).click();
    const heading = page.getByRole('heading', { name: OPERATION_TITLE }).first();
    await expect.poll(() => heading.isVisible()).toBe(true);
    return { page, section: page.locator(`[data-section-id="${OPERATION_SECTION}"]`) };
  }

  it('opens from disk, asks for nothing but itself, and logs no error', async () => {
    const page = await browser.open(PAGE_URL);
    await page.waitForLoadState('networkidle');
    // Scroll to the end so that every lazily rendered section mounts (and would fetch, if it did).
    await scrollThrough(page);
    expect(browser.requests, 'the page file itself was loaded through the recorder').toContain(PAGE_URL);
    await expect.poll(() => page.title()).toBe('DMS for Kafka: reset a consumer group offset');
    // The sidebar's "API docs by" logo is our inlined data: image (Redoc's own comes from a CDN).
    const logo = page.getByAltText('redocly logo');
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await logo.getAttribute('src')).toMatch(/^data:image\/svg\+xml,/);
    await page.close();
  });

  it('shows the operation with its description: stop consumers first, clamping, permission', async () => {
    const { page, section } = await openOperation();
    const text = await section.innerText();
    expect(text).toContain('/v2/{project_id}/instances/{instance_id}/management/groups/{group}/reset-message-offset');
    expect(text).toContain("Stop the group's consumers first: offsets of an online group cannot be reset.");
    expect(text).toMatch(
      /Clamping: an offset or time earlier than the earliest retained one resets to the earliest, one\s+later than the latest resets to the latest; neither is an error\./,
    );
    expect(text).toContain('Permission: dms:instance:modify');
    await page.close();
  });

  it('switches between "By offset" (message_offset) and "By timestamp" (timestamp)', async () => {
    const { page } = await openOperation();
    const byOffset = page.getByRole('tab', { name: 'By offset', exact: true });
    const byTimestamp = page.getByRole('tab', { name: 'By timestamp', exact: true });
    const requiredFields = () =>
      page
        .locator('.schema-property-item', { has: page.getByText('required', { exact: true }) })
        .locator('.schema-name')
        .allInnerTexts();

    await byTimestamp.click();
    await expect.poll(() => byTimestamp.getAttribute('aria-selected')).toBe('true');
    await expect.poll(requiredFields).toEqual(expect.arrayContaining(['topic', 'timestamp']));
    expect(await requiredFields()).not.toContain('message_offset');
    await expect.poll(() => page.getByText('message_offset must not be sent with timestamp').isVisible()).toBe(true);

    await byOffset.click();
    await expect.poll(() => byOffset.getAttribute('aria-selected')).toBe('true');
    await expect.poll(requiredFields).toEqual(expect.arrayContaining(['topic', 'message_offset']));
    expect(await requiredFields()).not.toContain('timestamp');
    await expect.poll(() => page.getByText('timestamp must not be sent with message_offset').isVisible()).toBe(true);
    // The shared, optional field is documented in both branches.
    expect(await page.locator('.schema-property-item .schema-name').allInnerTexts()).toContain('partition');
    await page.close();
  });

  it('shows every documented response, the 204 and the 400 included, with its examples', async () => {
    const { page, section } = await openOperation();
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
      // Redoc lists a response's examples by summary in a dropdown and shows the first one.
      for (const [index, example] of examples.entries()) {
        if (index > 0) await chooseFromDropdown(page, samples, example.summary);
        await expect
          .poll(() => samples.innerText(), { message: `${status} ${example.summary}` })
          .toContain(`"error_code": "${example.code}"`);
      }
    }
    await page.close();
  });

  it('shows both security schemes, with the AK/SK signing steps', async () => {
    const { page, section } = await openOperation();
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
    await page.close();
  });

  it('shows the code samples: TypeScript and curl, each with a token and with AK/SK', async () => {
    const { page } = await openOperation();
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
    await page.close();
  });

  it('saves a full-page screenshot to test-results/docs/', async () => {
    const { page } = await openOperation();
    await scrollThrough(page);
    mkdirSync(join(ROOT, 'test-results/docs'), { recursive: true });
    const png = await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(png.length).toBeGreaterThan(50_000);
    await page.close();
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
