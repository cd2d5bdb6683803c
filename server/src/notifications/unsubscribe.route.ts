import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Response, Router } from 'express';
import type { UnsubscribeTokens } from './unsubscribe-token.js';

export const UNSUBSCRIBE_PATH = '/notifications/unsubscribe';

const PAGE = {
  confirm: {
    vi: 'Ngừng nhận thư thông báo từ Nghe Dân?',
    en: 'Stop e-mail notifications from Nghe Dân?',
  },
  button: { vi: 'Ngừng nhận thư', en: 'Unsubscribe' },
  done: {
    vi: 'Bạn sẽ không nhận thư thông báo nữa. Bạn có thể bật lại trong phần cài đặt thông báo khi đăng nhập.',
    en: 'You will not get notification e-mails any more. Signed in, you can turn them back on in your notification settings.',
  },
  doneContact: {
    vi: 'Địa chỉ thư của bạn đã được xoá khỏi ý kiến này.',
    en: 'Your e-mail address has been erased from this thread.',
  },
  invalid: { vi: 'Liên kết không hợp lệ.', en: 'This link is not valid.' },
};

function page(res: Response, status: number, body: string): void {
  res.status(status).type('html').set('cache-control', 'no-store')
    .send(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Nghe Dân</title></head><body><main>${body}</main></body></html>`);
}

const both = (text: { vi: string; en: string }): string => `<p lang="vi">${text.vi}</p><p lang="en">${text.en}</p>`;

/**
 * The link in every message. GET only asks (mail scanners follow links); POST does it, from the
 * page's button or as RFC 8058 one-click unsubscribe (List-Unsubscribe-Post) from a mail client.
 * An account's e-mails are switched off; an anonymous poster's contact is erased.
 */
export function unsubscribeRouter(orm: MikroORM, tokens: UnsubscribeTokens): Router {
  const router = Router();
  router.get(UNSUBSCRIBE_PATH, (req, res) => {
    const token = req.query.token;
    if (!tokens.read(token)) return page(res, 400, both(PAGE.invalid));
    const escaped = String(token).replace(/[^A-Za-z0-9._-]/g, '');
    page(
      res,
      200,
      `${both(PAGE.confirm)}<form method="post" action="${UNSUBSCRIBE_PATH}?token=${escaped}">
<button type="submit">${PAGE.button.vi} / ${PAGE.button.en}</button></form>`,
    );
  });
  router.post(UNSUBSCRIBE_PATH, express.urlencoded({ extended: false, limit: 2048 }), async (req, res, next) => {
    try {
      const subject = tokens.read(req.query.token);
      if (!subject) return page(res, 400, both(PAGE.invalid));
      const em = orm.em.fork();
      if (subject.kind === 'user') {
        await em.execute(
          `insert into notification_settings (user_id, email, updated_at)
           select id, false, now() from users where id = ?
           on conflict (user_id) do update set email = false, updated_at = now()`,
          [subject.id],
        );
        return page(res, 200, both(PAGE.done));
      }
      await em.execute(`delete from thread_contacts where thread_id = ?`, [subject.threadId]);
      page(res, 200, both(PAGE.doneContact));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
