// The browser suites run in Debian's Chromium, never a downloaded browser. Where it is missing they
// skip locally, with the reason in their title and on the console, and fail when CI is set.
import { existsSync } from 'node:fs';
import { beforeAll, describe } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser suites cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `${CHROMIUM} not found: apt-get install -y chromium`;
}

/**
 * A describe block that needs Chromium: skipped with a visible reason when it is missing, unless CI
 * is set, where the block fails instead.
 */
export function describeInChromium(title: string, body: () => void): void {
  const missing = chromiumMissing();
  const skip = missing !== undefined && !process.env['CI'];
  if (skip) console.warn(`SKIPPED ${title}: ${missing} (this fails when CI is set)`);
  describe.skipIf(skip)(skip ? `${title} (SKIPPED: ${missing})` : title, () => {
    beforeAll(() => {
      if (missing) throw new Error(`CI is set and Chromium is missing: ${missing}`);
    });
    body();
  });
}
