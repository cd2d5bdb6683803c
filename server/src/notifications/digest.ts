import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../accounts/role.js';
import type { ThreadStatus } from '../dialogue/thread-status.js';
import type { DeliveryDeps } from './deliver.js';
import { NotificationChannel, NotificationLanguage } from './notification.entity.js';
import { DIGEST_TOPICS, type NotificationTopic } from './notification-topic.js';
import { mayBeTold, recipientAccess, scopeOfRow, titleFor, type ScopeRow } from './recipient-access.js';
import { renderDigest } from './templates.js';

export const DIGEST_TASK = 'notification-digest';
/** 01:00 UTC is 08:00 in Vietnam, the start of the working day. */
export const DIGEST_CRONTAB = `0 1 * * * ${DIGEST_TASK}`;

interface Row extends ScopeRow {
  id: string;
  user_id: string;
  role: Role;
  user_unit_id: string | null;
  internal: boolean;
  topic: NotificationTopic;
  to_status: ThreadStatus | null;
  thread_id: string;
  title: string;
  email: string;
  language: NotificationLanguage;
}

/**
 * One e-mail per officer who chose the daily digest, listing their unit's notifications that no
 * e-mail told them of yet; each is then recorded as sent, so a rerun (a retried job) skips them.
 */
export async function sendDigests(em: EntityManager, deps: DeliveryDeps, day: string): Promise<number> {
  const topics = [...DIGEST_TOPICS];
  const rows = await em.execute<Row[]>(
    `select n.id::text as id, n.user_id, n.topic, n.to_status, n.thread_id, t.title, u.email, s.language,
            u.role, u.unit_id as user_unit_id, t.is_public, t.author_id, t.unit_id, t.escalated_to_id, e.internal
       from notifications n
       join thread_events e on e.id = n.event_id
       join users u on u.id = n.user_id and u.disabled_at is null
       join notification_settings s on s.user_id = n.user_id and s.digest and s.email
       join threads t on t.id = n.thread_id
      where n.topic in (${topics.map(() => '?').join(',')})
        and not exists (select 1 from notification_deliveries d where d.notification_id = n.id and d.channel = ?)
      order by n.user_id, n.id`,
    [...topics, NotificationChannel.EMAIL],
  );
  const channel = deps.channels.get(NotificationChannel.EMAIL);
  if (!channel) return 0;
  const byUser = new Map<string, Array<Row & { shownTitle: string }>>();
  for (const row of rows) {
    // As in deliver.ts: only what the officer may read now, its title as they read it.
    const access = recipientAccess(scopeOfRow(row), { userId: row.user_id, role: row.role, unitId: row.user_unit_id });
    if (!mayBeTold(access, row)) continue;
    byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), { ...row, shownTitle: titleFor(access, row.title) }]);
  }
  let sent = 0;
  for (const [userId, items] of byUser) {
    const first = items[0]!;
    const language = first.language ?? NotificationLanguage.VI;
    const unsubscribeUrl = `${deps.publicUrl}/notifications/unsubscribe?token=${encodeURIComponent(
      deps.tokens.issue({ kind: 'user', id: userId }),
    )}`;
    const rendered = renderDigest(
      items.map((item) => ({
        topic: item.topic,
        toStatus: item.to_status,
        threadTitle: item.shownTitle,
        threadUrl: `${deps.publicUrl}/threads/${item.thread_id}`,
      })),
      unsubscribeUrl,
      language,
    );
    await channel.send(
      { email: first.email, pushSubscriptions: [], language },
      {
        key: `digest.${day}.${userId}`,
        rendered,
        push: { topic: 'DIGEST', line: rendered.subject, url: deps.publicUrl },
        unsubscribeUrl,
      },
    );
    await em.execute(
      `insert into notification_deliveries (notification_id, channel, sent_at)
       select id, ?, now() from notifications where id in (${items.map(() => '?').join(',')})
       on conflict do nothing`,
      [NotificationChannel.EMAIL, ...items.map((item) => item.id)],
    );
    sent += 1;
  }
  return sent;
}
