import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); the e2e tests never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const hasChromium = existsSync(CHROMIUM_PATH);

export const NO_CHROMIUM_MESSAGE =
  `e2e tests skipped: no Chromium at ${CHROMIUM_PATH}. ` +
  'Install it with `apt-get install -y chromium` (or set CHROMIUM_PATH) to run them.';

/** The flags known to work on the project's machines (headless is added by Playwright). */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches headless Chromium. Playwright gives every launch a fresh temporary --user-data-dir of its
 * own (and refuses one in `args`), so no profile is shared between runs.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS, timeout: 60_000 });
}
