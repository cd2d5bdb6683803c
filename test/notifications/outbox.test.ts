import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/shared/logger.js';
import { NotificationWorker } from '../../server/src/notifications/worker.js';
import type { DeliverPayload } from '../../server/src/notifications/fan-out.js';
import { sendDigests } from '../../server/src/notifications/digest.js';
import { directory, move, post, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startMailTrap, type MailTrap } from '../support/smtp.js';

// The server runs no worker of its own (NOTIFICATION_CONCURRENCY=0): each test starts the
// workers it needs on the same database, as other instances would.
let server: TestServer;
let dir: Directory;
let trap: MailTrap;
let citizen: string;
let officer: string;
let admin: string;
const running: NotificationWorker[] = [];
const log = createLogger('silent');

beforeAll(async () => {
  trap = await startMailTrap();
  server = await startTestServer({ SMTP_URL: trap.url, NOTIFICATION_CONCURRENCY: '0' });
  dir = await directory(server);
  citizen = await server.login('dan@nghedan.demo');
  officer = await server.login('lh.nb@nghedan.demo');
  admin = await server.login('admin@nghedan.demo');
});
afterAll(async () => {
  await Promise.all(running.map((worker) => worker.stop()));
});

async function startWorker(
  concurrency: number,
  afterSend?: (payload: DeliverPayload) => void,
): Promise<NotificationWorker> {
  const worker = await NotificationWorker.start(
    server.app.orm,
    server.app.notifications.deliveryDeps(server.url, afterSend),
    { concurrency, contactRetentionDays: 90, pollIntervalMs: 200 },
    log,
  );
  running.push(worker);
  return worker;
}

const QUEUE = '{ notificationQueue { backlog oldestAgeSeconds retrying failed } }';
type Queue = { backlog: number; oldestAgeSeconds: number; retrying: number; failed: number };
async function queue(): Promise<Queue> {
  const result = await server.gql<{ notificationQueue: Queue }>(QUEUE, { token: admin });
  return result.data!.notificationQueue;
}
async function drained(ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while ((await queue()).backlog > 0) {
    if (Date.now() > deadline) throw new Error(`queue not drained: ${JSON.stringify(await queue())}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const countRows = async (sql: string, params: unknown[] = []) =>
  Number((await server.app.orm.em.fork().execute<Array<{ n: string }>>(sql, params))[0]!.n);

describe('the notification outbox', () => {
  it('keeps what no instance has sent: the backlog and the age of its oldest job grow until a worker runs', async () => {
    const thread = await post(server, dir, { token: citizen });
    expect((await move(server, officer, thread.id, 'ACKNOWLEDGED')).errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const waiting = await queue();
    // Two transactions, two fan-out jobs; nothing ran them.
    expect(waiting.backlog).toBe(2);
    expect(waiting.oldestAgeSeconds).toBeGreaterThan(1);
    expect(trap.mails).toHaveLength(0);

    const worker = await startWorker(2);
    await drained();
    await worker.stop();
    running.splice(running.indexOf(worker), 1);
    // ROUTED and ACKNOWLEDGED to the citizen, NEW_THREAD to the officer.
    expect(trap.to('dan@nghedan.demo')).toHaveLength(2);
    expect(trap.to('lh.nb@nghedan.demo')).toHaveLength(1);
    expect(await queue()).toMatchObject({ backlog: 0, oldestAgeSeconds: 0, failed: 0 });
  });

  it('a worker that dies between sending and recording sends at most one duplicate, under the same Message-ID', async () => {
    trap.mails.length = 0;
    const thread = await post(server, dir, { token: citizen, title: 'Trạm bơm nước bị hỏng' });
    let crashed = 0;
    await startWorker(1, (payload) => {
      // The first e-mail is accepted by the SMTP server, then the worker "dies" before recording it.
      if (payload.channel === 'EMAIL' && crashed === 0) {
        crashed += 1;
        throw new Error('simulated crash between send and mark');
      }
    });
    await trap.waitFor((mails) => mails.length >= 3, 30_000);
    await drained();
    const ids = trap.mails.map((mail) => mail.messageId);
    expect(crashed).toBe(1);
    // Two notifications (author, officer), three e-mails: exactly one is a resend, with the same Message-ID.
    expect(trap.mails).toHaveLength(3);
    expect(new Set(ids).size).toBe(2);
    expect(
      await countRows(
        `select count(*) as n from notification_deliveries d join notifications n on n.id = d.notification_id where n.thread_id = ?`,
        [thread.id],
      ),
    ).toBe(2);
    await Promise.all(running.splice(0).map((worker) => worker.stop()));
  });

  it('two instances never send the same notification twice', async () => {
    trap.mails.length = 0;
    const threads = [];
    for (let i = 0; i < 8; i += 1)
      threads.push(await post(server, dir, { token: citizen, title: `Kiến nghị số ${i + 1} về đường` }));
    await Promise.all([startWorker(4), startWorker(4)]);
    // Each thread: ROUTED to the author and NEW_THREAD to the unit's officer.
    await trap.waitFor((mails) => mails.length >= 16, 30_000);
    await drained();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const ids = trap.mails.map((mail) => mail.messageId);
    expect(ids).toHaveLength(16);
    expect(new Set(ids).size).toBe(16);
    expect(
      await countRows(
        `select count(*) as n from notification_deliveries d join notifications n on n.id = d.notification_id
          where n.thread_id in (${threads.map(() => '?').join(',')})`,
        threads.map((thread) => thread.id),
      ),
    ).toBe(16);
  });

  it("an officer who chose the daily digest gets one e-mail listing the unit's new threads instead of one each", async () => {
    trap.mails.length = 0;
    const chosen = await server.gql('mutation { updateNotificationSettings(input: { digest: true }) { digest } }', {
      token: officer,
    });
    expect(chosen.errors).toBeUndefined();
    await startWorker(2);
    await post(server, dir, { token: citizen, title: 'Rác thải ùn ứ ở chợ' });
    await post(server, dir, { token: citizen, title: 'Nước sinh hoạt bị đục' });
    await trap.waitFor((mails) => mails.length >= 2);
    await drained();
    // The citizen heard at once; the officer not yet.
    expect(trap.to('lh.nb@nghedan.demo')).toHaveLength(0);

    const deps = server.app.notifications.deliveryDeps(server.url);
    expect(await sendDigests(server.app.orm.em.fork(), deps, '2026-11-30')).toBe(1);
    const [digest] = trap.to('lh.nb@nghedan.demo');
    expect(digest?.subject).toMatch(/^\[Nghe Dân\] Tin tổng hợp trong ngày: \d+ thông báo của đơn vị$/);
    expect(digest?.text).toContain('Rác thải ùn ứ ở chợ');
    expect(digest?.text).toContain('Nước sinh hoạt bị đục');
    // A rerun of the day's job sends nothing new.
    expect(await sendDigests(server.app.orm.em.fork(), deps, '2026-11-30')).toBe(0);
    expect(trap.to('lh.nb@nghedan.demo')).toHaveLength(1);
  });
});
