import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { keepFailureScreens, cspViolations, newContext, PHONE, signIn } from './support/app.js';
// Without Chromium the file skips; the e2e global setup says why once.
import { hasChromium, launchChromium } from './support/browser.js';

describe.skipIf(!hasChromium)('the campaign review, in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let monitor: Page;

  beforeAll(async () => {
    // Trusted documents on, as in production: the built web app sends only registered documents.
    [server, browser] = await Promise.all([startTestServer({ TRUSTED_DOCUMENTS: 'enforce' }), launchChromium()]);
    monitor = await (await newContext(browser, PHONE)).newPage();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await keepFailureScreens(task.name, { monitor });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens the review page and finds the figures', async () => {
    await signIn(monitor, server.url, 'bdv@nghedan.demo');
    await monitor.getByTestId('nav-campaigns').click();
    await monitor.getByTestId('campaign-review-2023').click();
    await monitor.getByTestId('review-figures').waitFor();
    expect(await monitor.getByTestId('review-registered').locator('dd').textContent()).toBe('44');
    expect(await monitor.getByTestId('review-recognised').locator('dd').textContent()).toBe('42');
    expect(await monitor.getByTestId('review-resources').locator('dd').textContent()).toBe('4.377.500.000 đ');
    const district = monitor.getByTestId('review-commendations');
    expect(
      await district
        .locator('[data-testid="review-commendation-DISTRICT_PEOPLES_COMMITTEE-COLLECTIVE"] td')
        .nth(1)
        .textContent(),
    ).toBe('3');
    expect(
      await district
        .locator('[data-testid="review-commendation-DISTRICT_PEOPLES_COMMITTEE-INDIVIDUAL"] td')
        .nth(1)
        .textContent(),
    ).toBe('4');
    expect(
      await district
        .locator('[data-testid="review-commendation-PROVINCIAL_PEOPLES_COMMITTEE-COLLECTIVE"] td')
        .nth(2)
        .textContent(),
    ).toBe('1');
    // The listening columns are there for every unit, and a chart was drawn.
    expect(await monitor.getByTestId('listening-threads').count()).toBeGreaterThan(0);
    await monitor.locator('[data-testid="review-chart-units"] canvas').waitFor();

    const download = monitor.waitForEvent('download');
    await monitor.getByTestId('review-csv').click();
    expect((await download).suggestedFilename()).toBe('review.csv');
  });

  it('reports no Content-Security-Policy violation (charts, lazy pages, downloads)', () => {
    expect(cspViolations(monitor)).toEqual([]);
  });
});
