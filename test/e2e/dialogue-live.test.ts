import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { directory, post, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  DESKTOP,
  keepFailureScreens,
  listLoaded,
  PHONE,
  liveIndicator,
  markDocument,
  cspViolations,
  newContext,
  sameDocument,
  screenshot,
  signIn,
  statusBadge,
} from './support/app.js';
// Without Chromium the files skip; the e2e global setup says why once.
import { hasChromium, launchChromium } from './support/browser.js';

const TITLE = 'Đường vào tổ dân phố Đông Anh 2 sụt lún sau mưa';
const BODY = 'Đoạn đường bê tông dài khoảng 50 m bị sụt lún, xe máy đi qua rất nguy hiểm, nhất là buổi tối.';
const REPLY = 'UBND thị trấn đã cử cán bộ địa chính kiểm tra hiện trường; sẽ vá đoạn đường trong tuần này.';

/** A few threads by another citizen, so the board and the inbox in the screenshots are not bare. */
async function seedNeighbours(server: TestServer, dir: Directory): Promise<void> {
  const token = await server.login('kbinh@nghedan.demo');
  await post(server, dir, {
    token,
    kind: 'PETITION',
    category: 'NEW_RURAL',
    place: 'LH.NB',
    title: 'Xin lắp đèn chiếu sáng đường liên tổ Đông Anh 1',
    body: 'Đường liên tổ dài gần 1 km chưa có đèn, người dân đi làm về tối rất bất tiện.',
  });
  await post(server, dir, {
    token,
    kind: 'QUESTION',
    category: 'LAND',
    place: 'LH.PT',
    title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu',
    body: 'Gia đình tôi ở Thôn Kon Pang muốn hỏi hồ sơ cần những giấy tờ gì và nộp ở đâu.',
  });
}

describe.skipIf(!hasChromium)('a citizen and the responsible officer, live in two browsers', () => {
  let server: TestServer;
  let dir: Directory;
  let browser: Browser;
  let citizen: Page;
  let officer: Page;
  let threadId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    dir = await directory(server);
    await seedNeighbours(server, dir);
    citizen = await (await newContext(browser, PHONE)).newPage();
    officer = await (await newContext(browser, DESKTOP)).newPage();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await keepFailureScreens(task.name, { citizen, officer });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the officer's open inbox learns of a new thread without a reload", async () => {
    await signIn(officer, server.url, 'lh.nb@nghedan.demo');
    await officer.getByTestId('nav-inbox').click();
    await listLoaded(officer).waitFor();
    await liveIndicator(officer, 'live').waitFor();
    await markDocument(officer);

    await signIn(citizen, server.url, 'dan@nghedan.demo');
    await citizen.getByTestId('nav-post').click();
    await citizen.getByTestId('post-kind').selectOption('REPORT');
    await citizen.getByTestId('post-field').selectOption(dir.category('INFRASTRUCTURE'));
    await citizen.getByTestId('post-place').selectOption(dir.unit('LH.NB'));
    await citizen.getByTestId('post-title').fill(TITLE);
    await citizen.getByTestId('post-body').fill(BODY);
    await citizen.getByTestId('post-submit').click();

    await citizen.waitForURL(/\/threads\/[0-9a-f-]+$/);
    threadId = new URL(citizen.url()).pathname.split('/').pop()!;
    await expect.poll(() => citizen.getByTestId('thread-title').textContent()).toBe(TITLE);
    expect(await citizen.getByTestId('thread-unit').textContent()).toContain('UBND thị trấn Nam Ban');
    await statusBadge(citizen, 'ROUTED').waitFor();
    await liveIndicator(citizen, 'live').waitFor();
    await markDocument(citizen);

    // New work comes into the open inbox by itself: no reload, no click.
    const card = officer.locator(`[data-testid="thread-card"][data-thread-id="${threadId}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain(TITLE);
    expect(await sameDocument(officer)).toBe(true);
  });

  it("the officer's reply and status moves reach the citizen's page live", async () => {
    await officer
      .locator(`[data-testid="thread-card"][data-thread-id="${threadId}"]`)
      .getByTestId('thread-link')
      .click();
    await officer.getByTestId('status-actions').waitFor();

    await officer.getByTestId('move-ACKNOWLEDGED').click();
    await statusBadge(officer, 'ACKNOWLEDGED').waitFor();
    await statusBadge(citizen, 'ACKNOWLEDGED').waitFor();

    await officer.getByTestId('reply-body').fill(REPLY);
    await officer.getByTestId('reply-send').click();
    await citizen.getByTestId('thread-message').filter({ hasText: REPLY }).waitFor();

    await officer.getByTestId('move-ANSWERED').click();
    await statusBadge(citizen, 'ANSWERED').waitFor();
    await officer.getByTestId('move-RESOLVED').click();
    await statusBadge(citizen, 'RESOLVED').waitFor();

    const moves = citizen.locator('[data-testid="timeline-event"][data-type="STATUS_CHANGED"]');
    await expect.poll(() => moves.count()).toBe(3);
    expect(await sameDocument(citizen)).toBe(true);
    expect(await sameDocument(officer)).toBe(true);
  });

  it('the citizen rates the answer, and the officer sees the rating arrive', async () => {
    await citizen.getByTestId('rating-form').waitFor();
    await citizen.getByTestId('rating-5').check();
    await citizen.getByTestId('rating-comment').fill('Cảm ơn cán bộ thị trấn đã xử lý nhanh.');
    await citizen.getByTestId('rating-submit').click();
    await citizen.getByTestId('thread-rating').waitFor();
    await citizen.getByTestId('rating-form').waitFor({ state: 'detached' });
    await officer.locator('[data-testid="timeline-event"][data-type="RATED"]').waitFor();
    expect(await sameDocument(officer)).toBe(true);
  });

  it('takes the README screenshots: a thread and the board on a phone, the inbox on a desktop', async () => {
    await citizen.evaluate(() => window.scrollTo(0, 0));
    await screenshot(citizen, 'thread');

    // A fresh load, as a visitor opens the board (see the report on the board's cached cursor).
    await citizen.goto(`${server.url}/`);
    await citizen.locator(`[data-testid="thread-card"][data-thread-id="${threadId}"]`).waitFor();
    await liveIndicator(citizen, 'live').waitFor();
    await screenshot(citizen, 'board');

    await officer.getByTestId('nav-inbox').click();
    await officer.locator(`[data-testid="thread-card"][data-thread-id="${threadId}"]`).waitFor();
    await liveIndicator(officer, 'live').waitFor();
    await screenshot(officer, 'inbox');
  });

  it('serves the app with a Content-Security-Policy that neither browser violated', async () => {
    const response = await citizen.goto(`${server.url}/`);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    await listLoaded(citizen).waitFor();
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    expect(cspViolations(citizen)).toEqual([]);
    expect(cspViolations(officer)).toEqual([]);
  });
});
