import type { Browser, Page, WebSocket } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { directory, move, post, REPLY } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  PHONE,
  keepFailureScreens,
  liveIndicator,
  markDocument,
  newContext,
  sameDocument,
  signIn,
  statusBadge,
} from './support/app.js';
// Without Chromium the files skip; the e2e global setup says why once.
import { hasChromium, launchChromium } from './support/browser.js';
import { startCuttableLink, type CuttableLink } from './support/network-cut.js';

const MISSED_REPLY = 'Đã nhận được phản ánh, chiều nay cán bộ giao thông thị trấn sẽ xuống kiểm tra.';

/** What went over the page's WebSockets, one entry per socket (a reconnect opens a new one). */
interface SocketLog {
  subscribedAfter: Array<string | null>;
  received: Array<{ cursor: string; type: string; body: string | null }>;
}

function recordSockets(page: Page): SocketLog[] {
  const sockets: SocketLog[] = [];
  page.on('websocket', (socket: WebSocket) => {
    const log: SocketLog = { subscribedAfter: [], received: [] };
    sockets.push(log);
    socket.on('framesent', ({ payload }) => {
      const frame = JSON.parse(String(payload)) as {
        type: string;
        payload?: { variables?: { after?: string | null } };
      };
      if (frame.type === 'subscribe') log.subscribedAfter.push(frame.payload?.variables?.after ?? null);
    });
    socket.on('framereceived', ({ payload }) => {
      const frame = JSON.parse(String(payload)) as {
        type: string;
        payload?: { data?: { threadEvents?: { cursor: string; type: string; message: { body: string } | null } } };
      };
      const event = frame.type === 'next' ? frame.payload?.data?.threadEvents : undefined;
      if (event) log.received.push({ cursor: event.cursor, type: event.type, body: event.message?.body ?? null });
    });
  });
  return sockets;
}

describe.skipIf(!hasChromium)('a thread page whose WebSocket drops mid-stream', () => {
  let server: TestServer;
  let link: CuttableLink;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    link = await startCuttableLink(server.app.port);
    page = await (await newContext(browser, PHONE)).newPage();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await keepFailureScreens(task.name, { citizen: page });
  });
  afterAll(async () => {
    await browser?.close();
    await link?.close();
  });

  it('reconnects, resumes from the last cursor it saw and shows the events it missed', async () => {
    const dir = await directory(server);
    const citizenToken = await server.login('dan@nghedan.demo');
    const officerToken = await server.login('lh.nb@nghedan.demo');
    const thread = await post(server, dir, { token: citizenToken, title: 'Cống thoát nước trước chợ Nam Ban bị tắc' });
    const sockets = recordSockets(page);

    // The browser reaches the server only through the link the test can cut.
    await signIn(page, link.url, 'dan@nghedan.demo');
    await page.goto(`${link.url}/threads/${thread.id}`);
    await statusBadge(page, 'ROUTED').waitFor();
    await liveIndicator(page, 'live').waitFor();
    await markDocument(page);

    // Mid-stream: one event arrives live before the cut.
    expect((await move(server, officerToken, thread.id, 'ACKNOWLEDGED')).errors).toBeUndefined();
    await statusBadge(page, 'ACKNOWLEDGED').waitFor();
    const lastSeen = sockets.flatMap((socket) => socket.received).at(-1);
    expect(lastSeen?.type).toBe('STATUS_CHANGED');
    const socketsBeforeCut = sockets.length;

    link.cut();
    await liveIndicator(page, 'reconnecting').waitFor();

    // While the page is cut off, the unit answers through the API.
    const reply = await server.gql(REPLY, {
      token: officerToken,
      variables: { input: { threadId: thread.id, body: MISSED_REPLY, internal: false } },
    });
    expect(reply.errors).toBeUndefined();
    expect((await move(server, officerToken, thread.id, 'ANSWERED')).errors).toBeUndefined();
    expect(await page.getByTestId('thread-message').count()).toBe(0);
    expect(await liveIndicator(page, 'reconnecting').count()).toBe(1);

    link.restore();
    await liveIndicator(page, 'live').waitFor();
    await page.getByTestId('thread-message').filter({ hasText: MISSED_REPLY }).waitFor();
    await statusBadge(page, 'ANSWERED').waitFor();
    const moves = page.locator('[data-testid="timeline-event"][data-type="STATUS_CHANGED"]');
    await expect.poll(() => moves.count()).toBe(2);
    expect(await sameDocument(page)).toBe(true);

    // The socket that came back asked for what followed the last event seen, and got exactly the missed ones.
    const resumed = sockets.slice(socketsBeforeCut).find((socket) => socket.subscribedAfter.length > 0);
    expect(resumed?.subscribedAfter).toEqual([lastSeen?.cursor]);
    expect(resumed?.received.map((event) => [event.type, event.body])).toEqual([
      ['MESSAGE', MISSED_REPLY],
      ['STATUS_CHANGED', null],
    ]);
  });
});
