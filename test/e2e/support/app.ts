import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { projectRoot } from '../../../server/src/config.js';
import { DEMO_PASSWORD } from '../../support/server.js';

/** A phone for the citizen's pages, an office screen for the officer's. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 };

export const SCREENSHOTS_DIR = path.join(projectRoot, 'docs/screenshots');

const violations = new WeakMap<BrowserContext, string[]>();

/** Content-Security-Policy violations Chromium reported in the page's context so far. */
export function cspViolations(page: Page): string[] {
  return violations.get(page.context()) ?? [];
}

/**
 * A context in Vietnamese on Vietnam time, as the app's users have it. Every CSP violation is
 * collected (both the `securitypolicyviolation` event and Chromium's console report).
 */
export async function newContext(browser: Browser, device: typeof PHONE | typeof DESKTOP): Promise<BrowserContext> {
  const context = await browser.newContext({ ...device, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const reported: string[] = [];
  violations.set(context, reported);
  context.on('console', (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text())) reported.push(message.text());
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  // Live events arrive within a second or two here; 15 s fails fast enough to read the failure.
  context.setDefaultTimeout(15_000);
  return context;
}

/** A thread list that has loaded, with threads or without. */
export function listLoaded(page: Page): Locator {
  return page.locator('[data-testid="list-count"], [data-testid="list-empty"]');
}

/** Saves what each page shows into test/.artifacts/e2e (git-ignored), to read a failure. */
export async function keepFailureScreens(test: string, pages: Record<string, Page | undefined>): Promise<void> {
  const dir = path.join(projectRoot, 'test/.artifacts/e2e');
  mkdirSync(dir, { recursive: true });
  const slug = test.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
  for (const [name, page] of Object.entries(pages)) {
    await page?.screenshot({ path: path.join(dir, `${slug}-${name}.png`), fullPage: true }).catch(() => undefined);
  }
}

export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('signed-in-as').waitFor();
}

export function liveIndicator(page: Page, state: 'live' | 'reconnecting' | 'connecting'): Locator {
  return page.locator(`[data-testid="live-indicator"][data-state="${state}"]`);
}

export function statusBadge(page: Page, status: string): Locator {
  return page.locator(`[data-testid="thread-page"] [data-testid="thread-status"][data-status="${status}"]`);
}

/**
 * Marks the page's window; `sameDocument` is true only while that document lives, so a test can tell
 * live updates from a reload (client-side route changes keep the document).
 */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { __e2eDocument: true }));
}

export function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as Window & { __e2eDocument?: boolean }).__e2eDocument === true);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  // Fonts and late layout settle before the picture is taken; the caret would blink into diffs.
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`), caret: 'hide', animations: 'disabled' });
}
