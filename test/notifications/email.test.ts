import { beforeAll, describe, expect, it } from 'vitest';
import { directory, move, post, REPLY, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startMailTrap, type MailTrap } from '../support/smtp.js';

let server: TestServer;
let dir: Directory;
let trap: MailTrap;
let citizen: string;
let officer: string;
let admin: string;

beforeAll(async () => {
  trap = await startMailTrap();
  server = await startTestServer({ SMTP_URL: trap.url, NOTIFICATION_CONCURRENCY: '2' });
  dir = await directory(server);
  citizen = await server.login('kbinh@nghedan.demo');
  officer = await server.login('lh.nb@nghedan.demo');
  admin = await server.login('admin@nghedan.demo');
});

const QUEUE = '{ notificationQueue { backlog oldestAgeSeconds retrying failed sentLastDay } }';

/** Waits until every fan-out and delivery job has run. */
async function drained(): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const result = await server.gql<{ notificationQueue: { backlog: number } }>(QUEUE, { token: admin });
    if (result.data?.notificationQueue.backlog === 0) return;
    if (Date.now() > deadline) throw new Error(`queue not drained: ${JSON.stringify(result)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const linkIn = (text: string, path: string): string => {
  const match = new RegExp(`(http://[^\\s]+${path}[^\\s]*)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in:\n${text}`);
  return match[1];
};

describe('e-mail notifications through a real SMTP server', () => {
  it('a citizen gets exactly one e-mail per notifiable event, in their language, with a working link', async () => {
    const settings = await server.gql(
      'mutation { updateNotificationSettings(input: { language: "en" }) { language email } }',
      {
        token: citizen,
      },
    );
    expect(settings.errors).toBeUndefined();
    const thread = await post(server, dir, { token: citizen, title: 'Cống thoát nước bị tắc ở tổ 5' });
    expect((await move(server, officer, thread.id, 'ACKNOWLEDGED')).errors).toBeUndefined();
    const reply = await server.gql(REPLY, {
      token: officer,
      variables: { input: { threadId: thread.id, body: 'Đơn vị sẽ cử người kiểm tra trong tuần này.' } },
    });
    expect(reply.errors).toBeUndefined();
    expect((await move(server, officer, thread.id, 'ANSWERED')).errors).toBeUndefined();
    // A staff-only note and the officer's own moves tell the citizen nothing more.
    await server.gql(REPLY, {
      token: officer,
      variables: { input: { threadId: thread.id, body: 'Ghi chú nội bộ.', internal: true } },
    });
    await drained();

    const mails = trap.to('kbinh@nghedan.demo');
    // ROUTED, ACKNOWLEDGED, the reply, ANSWERED: one each, nothing for the internal note.
    // Workers run jobs side by side, so mails may arrive in any order.
    expect(mails.map((mail) => mail.subject).sort()).toEqual(
      [
        '[Nghe Dân] Your feedback was routed to the unit responsible for it.',
        '[Nghe Dân] Your feedback is now “Acknowledged”.',
        '[Nghe Dân] The unit replied in your thread.',
        '[Nghe Dân] Your feedback is now “Answered”.',
      ].sort(),
    );
    expect(new Set(mails.map((mail) => mail.messageId)).size).toBe(4);
    for (const mail of mails) {
      expect(mail.text).toContain('Cống thoát nước bị tắc ở tổ 5');
      expect(mail.html).toContain('Open the thread');
      const link = linkIn(mail.text!, '/threads/');
      expect(link).toBe(`${server.url.replace('127.0.0.1', 'localhost')}/threads/${thread.id}`);
      expect(mail.headerLines.some((line) => line.key === 'list-unsubscribe')).toBe(true);
    }
    // The link opens the thread: its id is the one the API knows.
    const id = linkIn(mails[0]!.text!, '/threads/').split('/threads/')[1]!;
    const opened = await server.gql<{ thread: { title: string } }>('query ($id: ID!) { thread(id: $id) { title } }', {
      token: citizen,
      variables: { id },
    });
    expect(opened.data?.thread.title).toBe('Cống thoát nước bị tắc ở tổ 5');

    // The unit's officer heard of the new thread once, in Vietnamese (no settings: the default).
    const officerMails = trap.to(`${thread.unit.code.toLowerCase()}@nghedan.demo`);
    expect(officerMails.filter((mail) => mail.text?.includes('Cống thoát nước'))).toHaveLength(1);
    expect(officerMails.at(-1)!.subject).toBe('[Nghe Dân] Đơn vị của bạn nhận một ý kiến mới.');

    // The in-app list has the same four, unread, newest first.
    const list = await server.gql<{
      notifications: Array<{ topic: string; toStatus: string | null; threadId: string; threadTitle: string }>;
      unreadNotificationCount: number;
    }>('{ notifications(first: 10) { topic toStatus threadId threadTitle } unreadNotificationCount }', {
      token: citizen,
    });
    expect(list.data?.notifications.map((n) => [n.topic, n.toStatus])).toEqual([
      ['STATUS_CHANGED', 'ANSWERED'],
      ['REPLIED', null],
      ['STATUS_CHANGED', 'ACKNOWLEDGED'],
      ['ROUTED', 'ROUTED'],
    ]);
    expect(list.data?.unreadNotificationCount).toBe(4);
    const read = await server.gql<{ markNotificationsRead: number }>('mutation { markNotificationsRead }', {
      token: citizen,
    });
    expect(read.data?.markNotificationsRead).toBe(0);
  });

  it('the unsubscribe link in a message stops the e-mails and nothing else', async () => {
    const before = trap.to('kbinh@nghedan.demo');
    const link = linkIn(before.at(-1)!.text!, '/notifications/unsubscribe');
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    // Following the link alone (a mail scanner does) changes nothing.
    const still = await server.gql<{ notificationSettings: { email: boolean } }>('{ notificationSettings { email } }', {
      token: citizen,
    });
    expect(still.data?.notificationSettings.email).toBe(true);

    // RFC 8058 one-click, as a mail client sends it.
    const done = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    const after = await server.gql<{ notificationSettings: { email: boolean } }>('{ notificationSettings { email } }', {
      token: citizen,
    });
    expect(after.data?.notificationSettings.email).toBe(false);

    const forged = await fetch(link.replace(/token=[^&]+/, 'token=dXNlcjp4.bad'), { method: 'POST' });
    expect(forged.status).toBe(400);

    const thread = await post(server, dir, { token: citizen, title: 'Đèn đường hỏng ở ngã ba' });
    expect((await move(server, officer, thread.id, 'ACKNOWLEDGED')).errors).toBeUndefined();
    await drained();
    expect(trap.to('kbinh@nghedan.demo')).toHaveLength(before.length);
    // Still told in the app.
    const list = await server.gql<{ unreadNotificationCount: number }>('{ unreadNotificationCount }', {
      token: citizen,
    });
    expect(list.data?.unreadNotificationCount).toBe(2);
  });

  it("an anonymous poster's contact hears back in their language, never sees the code in a mail, and is erased on close", async () => {
    const address = 'an.danh@example.vn';
    const thread = await post(server, dir, {
      anonymous: true,
      title: 'Xin hỏi về thủ tục cấp sổ đỏ',
      extra: { contactEmail: address, contactLanguage: 'en' },
    });
    for (const status of ['ACKNOWLEDGED', 'ANSWERED', 'RESOLVED', 'CLOSED']) {
      expect((await move(server, officer, thread.id, status)).errors).toBeUndefined();
      await drained();
    }
    await drained();
    const mails = trap.to(address);
    expect(mails.map((mail) => mail.subject)).toEqual([
      '[Nghe Dân] Your feedback was routed to the unit responsible for it.',
      '[Nghe Dân] Your feedback is now “Acknowledged”.',
      '[Nghe Dân] Your feedback is now “Answered”.',
      '[Nghe Dân] Your feedback is now “Resolved”.',
      '[Nghe Dân] Your feedback is now “Closed”.',
    ]);
    for (const mail of mails) {
      expect(mail.text).toContain('/follow');
      expect(mail.text).not.toContain(thread.trackingCode!);
    }
    const kept = await server.app.orm.em
      .fork()
      .execute('select * from thread_contacts where thread_id = ?', [thread.id]);
    expect(kept).toHaveLength(0);
    // The address is nowhere in the API: not on the thread, not in its events.
    const shown = await server.gql('query ($id: ID!) { thread(id: $id) { id authorName } }', {
      token: officer,
      variables: { id: thread.id },
    });
    expect(JSON.stringify(shown)).not.toContain(address);
  });

  it('a contact e-mail is refused on a signed-in post, and a bad address is BAD_USER_INPUT', async () => {
    await expect(post(server, dir, { token: citizen, extra: { contactEmail: 'x@example.vn' } })).rejects.toThrow(
      /BAD_USER_INPUT/,
    );
    await expect(post(server, dir, { anonymous: true, extra: { contactEmail: 'not an address' } })).rejects.toThrow(
      /BAD_USER_INPUT/,
    );
  });

  it('administrators see the outbox figures; others may not', async () => {
    const stats = await server.gql<{ notificationQueue: { backlog: number; failed: number; sentLastDay: number } }>(
      QUEUE,
      { token: admin },
    );
    expect(stats.data?.notificationQueue).toMatchObject({ backlog: 0, failed: 0 });
    expect(stats.data?.notificationQueue.sentLastDay).toBeGreaterThanOrEqual(trap.mails.length);
    const refused = await server.gql(QUEUE, { token: citizen });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
  it('messages follow the thread rule: a supporter reads the title masked, the author as written; a private thread transferred away leaves the old unit’s list', async () => {
    const dan = await server.login('dan@nghedan.demo');
    // K'Bình turned e-mails off in the unsubscribe test: on again, to read what a supporter is sent.
    await server.gql('mutation { updateNotificationSettings(input: { email: true }) { email } }', { token: citizen });
    const title = 'Sáng kiến thắp sáng ngõ xóm, gọi anh Tư 0912 345 678';
    const initiative = await post(server, dir, { token: dan, kind: 'INITIATIVE', title });
    const support = await server.gql('mutation ($id: ID!) { supportThread(threadId: $id) { id } }', {
      token: citizen,
      variables: { id: initiative.id },
    });
    expect(support.errors).toBeUndefined();
    expect((await move(server, officer, initiative.id, 'ACKNOWLEDGED')).errors).toBeUndefined();
    expect((await move(server, officer, initiative.id, 'ANSWERED')).errors).toBeUndefined();
    await drained();

    const answered = trap
      .to('kbinh@nghedan.demo')
      .filter((mail) => mail.subject === '[Nghe Dân] An initiative you supported has been answered.');
    expect(answered).toHaveLength(1);
    expect(answered[0]!.text).not.toContain('0912 345 678');
    expect(answered[0]!.html).not.toContain('0912 345 678');
    expect(answered[0]!.text).toContain('gọi anh Tư 09xx xxx 678');
    const authorMails = trap.to('dan@nghedan.demo').filter((mail) => mail.text?.includes('thắp sáng ngõ xóm'));
    expect(authorMails.length).toBeGreaterThan(0);
    for (const mail of authorMails) expect(mail.text).toContain(title);

    const titles = async (token: string) =>
      (
        await server.gql<{ notifications: Array<{ threadId: string; threadTitle: string }> }>(
          '{ notifications(first: 100) { threadId threadTitle } }',
          { token },
        )
      ).data!.notifications.filter((n) => n.threadId === initiative.id);
    expect((await titles(citizen)).map((n) => n.threadTitle)).toEqual([
      'Sáng kiến thắp sáng ngõ xóm, gọi anh Tư 09xx xxx 678',
    ]);
    expect([...new Set((await titles(dan)).map((n) => n.threadTitle))]).toEqual([title]);

    // The unit heard of a private thread; once it is transferred away, the unit may not read it.
    const hidden = await post(server, dir, { token: dan, isPublic: false, title: 'Phản ánh riêng về hàng xóm' });
    await drained();
    const listed = async (token: string) =>
      (
        await server.gql<{ notifications: Array<{ threadId: string }> }>('{ notifications(first: 100) { threadId } }', {
          token,
        })
      ).data!.notifications.map((n) => n.threadId);
    expect(await listed(officer)).toContain(hidden.id);
    const transfer = await server.gql('mutation ($input: TransferInput!) { transferThread(input: $input) { id } }', {
      token: officer,
      variables: { input: { threadId: hidden.id, unitId: dir.unit('LH.KTHT'), reason: 'Sai thẩm quyền' } },
    });
    expect(transfer.errors).toBeUndefined();
    expect(await listed(officer)).not.toContain(hidden.id);
  });
});
