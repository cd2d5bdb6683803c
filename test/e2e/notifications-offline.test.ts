import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { directory, move, post, REPLY, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { keepFailureScreens, listLoaded, newContext, PHONE, screenshot, signIn } from './support/app.js';
// Without Chromium the files skip; the e2e global setup says why once.
import { hasChromium, launchChromium } from './support/browser.js';

const TITLE = 'Cống thoát nước trước chợ Nam Ban bị tắc';

describe.skipIf(!hasChromium)('hearing back, and the installable app', () => {
  let server: TestServer;
  let dir: Directory;
  let browser: Browser;
  let page: Page | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    dir = await directory(server);
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await keepFailureScreens(context.task.name, { page });
    await page?.context().close();
    page = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the officer answers while the citizen's tab is closed; the unread count shows it on their next visit", async () => {
    const citizen = await server.login('dan@nghedan.demo');
    const officer = await server.login('lh.nb@nghedan.demo');
    const thread = await post(server, dir, { token: citizen, title: TITLE });
    expect((await move(server, officer, thread.id, 'ACKNOWLEDGED')).errors).toBeUndefined();
    const reply = await server.gql(REPLY, {
      token: officer,
      variables: { input: { threadId: thread.id, body: 'Đội vệ sinh môi trường sẽ nạo vét cống trong hai ngày tới.' } },
    });
    expect(reply.errors).toBeUndefined();
    expect((await move(server, officer, thread.id, 'ANSWERED')).errors).toBeUndefined();
    // The outbox's workers fan the events out in the background.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const count = await server.gql<{ unreadNotificationCount: number }>('{ unreadNotificationCount }', {
        token: citizen,
      });
      if (count.data?.unreadNotificationCount === 4) break;
      if (Date.now() > deadline) throw new Error(`notifications not written: ${JSON.stringify(count)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    page = await (await newContext(browser, PHONE)).newPage();
    await signIn(page, server.url, 'dan@nghedan.demo');
    await page.locator('[data-testid="unread-count"]', { hasText: '4' }).waitFor();
    await page.getByTestId('nav-notifications').click();
    const items = page.getByTestId('notification-item');
    await items.nth(3).waitFor();
    expect(await items.count()).toBe(4);
    expect(await items.first().textContent()).toContain('Ý kiến chuyển sang “Đã trả lời”');
    expect(await items.first().textContent()).toContain(TITLE);
    await screenshot(page, 'notifications');

    await page.getByTestId('notifications-mark-read').click();
    await page.getByTestId('unread-count').waitFor({ state: 'detached' });
    await items.first().click();
    await page.getByTestId('thread-page').waitFor();
    expect(page.url()).toBe(`${server.url}/threads/${thread.id}`);
  });

  it('the board opens offline from the service worker after an online visit, with the list it last saw', async () => {
    await post(server, dir, {
      token: await server.login('kbinh@nghedan.demo'),
      title: 'Đèn đường hỏng ở ngã ba Đông Anh',
    });
    const context = await newContext(browser, PHONE);
    page = await context.newPage();
    await page.goto(server.url);
    await listLoaded(page).waitFor();
    // Installed and in control of the page; a visit under its control keeps the board's list.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.getByText('Đèn đường hỏng ở ngã ba Đông Anh').first().waitFor();

    await context.setOffline(true);
    await page.reload();
    await page.getByText('Đèn đường hỏng ở ngã ba Đông Anh').first().waitFor();
    expect(await page.title()).toBe('Nghe Dân');
    await context.setOffline(false);
  });

  it('serves the manifest, the icon and robots.txt as themselves, and a missing file as a 404', async () => {
    const manifest = await fetch(`${server.url}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toContain('application/manifest+json');
    expect(((await manifest.json()) as { icons: unknown[] }).icons.length).toBeGreaterThanOrEqual(2);
    expect((await fetch(`${server.url}/favicon.ico`)).headers.get('content-type')).toContain('icon');
    expect(await (await fetch(`${server.url}/robots.txt`)).text()).toContain('User-agent');
    expect((await fetch(`${server.url}/assets/nothing-here.js`)).status).toBe(404);
  });
});
