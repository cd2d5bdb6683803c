import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../accounts/role.js';
import { ThreadStatus } from '../dialogue/thread-status.js';
import type { Channel, DeliveryTarget } from './channels/channel.js';
import { NotificationChannel, NotificationLanguage } from './notification.entity.js';
import type { NotificationTopic } from './notification-topic.js';
import { pushLine, renderMessage } from './templates.js';
import type { UnsubscribeTokens } from './unsubscribe-token.js';
import type { DeliverPayload } from './fan-out.js';
import { mayBeTold, recipientAccess, scopeOfRow, titleFor, type ScopeRow } from './recipient-access.js';

export interface DeliveryDeps {
  channels: ReadonlyMap<NotificationChannel, Channel>;
  tokens: UnsubscribeTokens;
  /** Where links in messages point (PUBLIC_URL). */
  publicUrl: string;
  /** Tests stop the worker here, between sending and recording, as a crash would. */
  afterSend?: (payload: DeliverPayload) => Promise<void> | void;
}

interface Row extends ScopeRow {
  id: string;
  internal: boolean;
  user_role: Role | null;
  user_unit_id: string | null;
  topic: NotificationTopic;
  to_status: ThreadStatus | null;
  user_id: string | null;
  thread_id: string;
  title: string;
  unit_name: string | null;
  user_email: string | null;
  user_disabled: boolean;
  wants_email: boolean | null;
  wants_push: boolean | null;
  user_language: NotificationLanguage | null;
  contact_email: string | null;
  contact_language: NotificationLanguage | null;
  delivered: boolean;
}

export type DeliveryResult = 'sent' | 'already-sent' | 'not-wanted' | 'skipped';

/**
 * Sends one notification on one channel, then records it. Checked first, recorded right after
 * the channel accepts: a crash between the two is the only way to send twice, and the resend
 * carries the same key for the channel to recognise.
 */
export async function deliver(em: EntityManager, deps: DeliveryDeps, payload: DeliverPayload): Promise<DeliveryResult> {
  const [row] = await em.execute<Row[]>(
    `select n.id::text as id, n.topic, n.to_status, n.user_id, t.id as thread_id, t.title,
            t.is_public, t.author_id, t.unit_id, t.escalated_to_id, e.internal, u.role as user_role, u.unit_id as user_unit_id,
            tu.name as unit_name, u.email as user_email, (u.disabled_at is not null) as user_disabled,
            s.email as wants_email, s.push as wants_push, s.language as user_language,
            c.email as contact_email, c.language as contact_language,
            exists (select 1 from notification_deliveries d where d.notification_id = n.id and d.channel = ?) as delivered
       from notifications n
       join threads t on t.id = n.thread_id
       join thread_events e on e.id = n.event_id
       left join units tu on tu.id = e.to_unit_id
       left join users u on u.id = n.user_id
       left join notification_settings s on s.user_id = n.user_id
       left join thread_contacts c on c.thread_id = n.thread_id and n.user_id is null
      where n.id = ?`,
    [payload.channel, payload.notificationId],
  );
  if (!row) return 'skipped';
  if (row.delivered) return 'already-sent';
  const channel = deps.channels.get(payload.channel);
  if (!channel) return 'skipped';
  // Checked again at sending time: the thread may have moved, the account changed units.
  const access = recipientAccess(
    scopeOfRow(row),
    row.user_id && row.user_role
      ? { userId: row.user_id, role: row.user_role, unitId: row.user_unit_id }
      : { contact: true },
  );
  if (!mayBeTold(access, row)) return 'not-wanted';
  if (row.user_id) {
    if (row.user_disabled) return 'not-wanted';
    if (payload.channel === NotificationChannel.EMAIL && row.wants_email === false) return 'not-wanted';
    if (payload.channel === NotificationChannel.PUSH && row.wants_push === false) return 'not-wanted';
  }
  const language = row.user_language ?? row.contact_language ?? NotificationLanguage.VI;
  const target: DeliveryTarget = {
    email: row.user_id ? row.user_email : row.contact_email,
    pushSubscriptions:
      row.user_id && payload.channel === NotificationChannel.PUSH
        ? await em.execute(`select endpoint, p256dh, auth from push_subscriptions where user_id = ?`, [row.user_id])
        : [],
    language,
  };
  const threadUrl = `${deps.publicUrl}/threads/${row.thread_id}`;
  const unsubscribeUrl = `${deps.publicUrl}/notifications/unsubscribe?token=${encodeURIComponent(
    deps.tokens.issue(row.user_id ? { kind: 'user', id: row.user_id } : { kind: 'contact', threadId: row.thread_id }),
  )}`;
  const outcome = await channel.send(target, {
    key: `n${row.id}.${payload.channel.toLowerCase()}`,
    rendered: renderMessage(
      {
        topic: row.topic,
        toStatus: row.to_status,
        threadTitle: titleFor(access, row.title),
        unitName: row.unit_name,
        threadUrl,
        unsubscribeUrl,
        followUrl: row.user_id ? null : `${deps.publicUrl}/follow`,
      },
      language,
    ),
    push: { topic: row.topic, line: pushLine(row.topic, row.to_status, language), url: threadUrl },
    unsubscribeUrl,
  });
  if (outcome === 'skipped') return 'skipped';
  await deps.afterSend?.(payload);
  await em.execute(
    `insert into notification_deliveries (notification_id, channel, sent_at) values (?, ?, now()) on conflict do nothing`,
    [row.id, payload.channel],
  );
  if (!row.user_id && row.to_status === ThreadStatus.CLOSED) {
    // The anonymous poster's address was only kept to hear back: the closing message was the last.
    await em.execute(`delete from thread_contacts where thread_id = ?`, [row.thread_id]);
  }
  return 'sent';
}
