/**
 * Debian's Chromium for the browser tests (playwright-core drives it; no browser download):
 * whether it is installed, saying loudly when a test is skipped, and one launch with the
 * flags that keep a headless run offline and quiet.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Is Chromium installed? Warns, naming the test, when it is not (the test is then skipped). */
export function chromiumOrSkip(testName: string): boolean {
  const present = existsSync(CHROMIUM);
  if (!present) {
    console.warn(
      `\n!!! SKIPPING the ${testName} browser test: ${CHROMIUM} is missing. ` +
        'Run scripts/ensure-chromium.sh (apt-get install -y chromium). !!!\n',
    );
  }
  return present;
}

/** Headless, no background traffic of Chromium's own (the tests count off-site requests). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
