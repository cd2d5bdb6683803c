import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { directory, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  DESKTOP,
  keepFailureScreens,
  markDocument,
  cspViolations,
  newContext,
  PHONE,
  sameDocument,
  signIn,
} from './support/app.js';
// Without Chromium the file skips; the e2e global setup says why once.
import { hasChromium, launchChromium } from './support/browser.js';

describe.skipIf(!hasChromium)('the monitoring dashboard, live in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let dir: Directory;
  let monitor: Page;
  let citizen: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    dir = await directory(server);
    monitor = await (await newContext(browser, DESKTOP)).newPage();
    citizen = await (await newContext(browser, PHONE)).newPage();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await keepFailureScreens(task.name, { monitor, citizen });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the negative count rise when a citizen posts a negative thread in another browser', async () => {
    await signIn(monitor, server.url, 'mttq@nghedan.demo');
    await monitor.getByTestId('nav-monitoring').click();
    const negativeCount = monitor.getByTestId('dashboard-negative-count');
    await negativeCount.waitFor();
    await monitor.locator('[data-testid="dashboard-live"][data-state="live"]').waitFor();
    const before = Number(await negativeCount.textContent());
    await markDocument(monitor);

    await signIn(citizen, server.url, 'dan@nghedan.demo');
    await citizen.getByTestId('nav-post').click();
    await citizen.getByTestId('post-kind').selectOption('REPORT');
    await citizen.getByTestId('post-field').selectOption(dir.category('ENVIRONMENT'));
    await citizen.getByTestId('post-place').selectOption(dir.unit('LH.PS'));
    await citizen.getByTestId('post-title').fill('Trại heo xả thải gây ô nhiễm nghiêm trọng');
    await citizen
      .getByTestId('post-body')
      .fill(
        'Nước thải trại heo chảy thẳng ra suối, hôi thối không chịu nổi, bà con rất bức xúc mà chưa thấy ai xử lý.',
      );
    await citizen.getByTestId('post-submit').click();
    await expect
      .poll(() => citizen.getByTestId('thread-title').textContent())
      .toBe('Trại heo xả thải gây ô nhiễm nghiêm trọng');

    await expect.poll(async () => Number(await negativeCount.textContent()), { timeout: 20_000 }).toBe(before + 1);
    expect(await sameDocument(monitor)).toBe(true);
    await monitor
      .getByTestId('panel-negative-threads')
      .getByText('Trại heo xả thải gây ô nhiễm nghiêm trọng')
      .waitFor();
  });

  it('reports no Content-Security-Policy violation (charts, lazy pages, downloads)', () => {
    expect(cspViolations(monitor)).toEqual([]);
  });
});
