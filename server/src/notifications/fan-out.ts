import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../accounts/role.js';
import { enqueueJob } from '../shared/job-queue.js';
import type { FeedbackKind } from '../dialogue/feedback-kind.js';
import type { ThreadEventType } from '../dialogue/thread-event.entity.js';
import type { ThreadStatus } from '../dialogue/thread-status.js';
import { whoIsTold, type Audience } from './audience.js';
import { mayBeTold, recipientAccess, scopeOfRow, type Reader, type ScopeRow } from './recipient-access.js';
import { NotificationChannel } from './notification.entity.js';
import { DIGEST_TOPICS, type NotificationTopic } from './notification-topic.js';

export const DELIVER_TASK = 'notification-deliver';

export interface DeliverPayload {
  notificationId: string;
  channel: NotificationChannel;
}

interface EventRow extends ScopeRow {
  id: string;
  type: ThreadEventType;
  internal: boolean;
  to_status: ThreadStatus | null;
  to_unit_id: string | null;
  actor_id: string | null;
  actor_name: string;
  thread_id: string;
  kind: FeedbackKind;
  unit_id: string;
  author_id: string | null;
  author_name: string;
  has_contact: boolean;
}

interface Recipient {
  userId: string | null;
  /** `user:<id>` or `contact:<thread id>`: once per event and recipient. */
  key: string;
  /** Who they are to the authorization rule. */
  reader: Reader;
}

interface UserRow {
  id: string;
  role: Role;
  unit_id: string | null;
}

/**
 * Turns recorded thread events into notifications: one row per event and recipient (the in-app
 * list) and one delivery job per outside channel the recipient wants, all in one transaction.
 * Run twice for the same events (a retried job), it adds nothing: the rows are unique per
 * event and recipient and only new rows get delivery jobs.
 */
export async function fanOut(tx: EntityManager, eventIds: string[]): Promise<number> {
  if (eventIds.length === 0) return 0;
  const events = await tx.execute<EventRow[]>(
    `select e.id::text as id, e.type, e.internal, e.to_status, e.to_unit_id, e.actor_id, e.actor_name,
            t.id as thread_id, t.kind, t.unit_id, t.author_id, t.author_name, t.is_public, t.escalated_to_id,
            exists (select 1 from thread_contacts c where c.thread_id = t.id) as has_contact
       from thread_events e join threads t on t.id = e.thread_id
      where e.id in (${eventIds.map(() => '?').join(',')})
      order by e.id`,
    eventIds,
  );
  let written = 0;
  for (const event of events) {
    const byAuthor = event.author_id
      ? event.actor_id === event.author_id
      : event.actor_id === null && event.actor_name === event.author_name;
    const told = whoIsTold(
      {
        type: event.type,
        internal: event.internal,
        toStatus: event.to_status,
        toUnitId: event.to_unit_id,
        byAuthor,
      },
      { kind: event.kind, unitId: event.unit_id },
    );
    const scope = scopeOfRow(event);
    for (const { audience, topic } of told) {
      const recipients = (await recipientsOf(tx, audience, event)).filter(
        (recipient) =>
          (recipient.userId === null || recipient.userId !== event.actor_id) &&
          mayBeTold(recipientAccess(scope, recipient.reader), event),
      );
      written += await writeNotifications(tx, event, topic, recipients);
    }
  }
  return written;
}

async function recipientsOf(tx: EntityManager, audience: Audience, event: EventRow): Promise<Recipient[]> {
  const users = (rows: UserRow[]): Recipient[] =>
    rows.map(({ id, role, unit_id }) => ({
      userId: id,
      key: `user:${id}`,
      reader: { userId: id, role, unitId: unit_id },
    }));
  switch (audience.to) {
    case 'AUTHOR':
      if (event.author_id) {
        return users(await tx.execute(`select id, role, unit_id from users where id = ?`, [event.author_id]));
      }
      return event.has_contact ? [{ userId: null, key: `contact:${event.thread_id}`, reader: { contact: true } }] : [];
    case 'UNIT':
      return users(
        await tx.execute(`select id, role, unit_id from users where role = ? and unit_id = ? and disabled_at is null`, [
          Role.OFFICER,
          audience.unitId,
        ]),
      );
    case 'MONITORS':
      return users(
        await tx.execute(`select id, role, unit_id from users where role = ? and disabled_at is null`, [Role.MONITOR]),
      );
    case 'SUPPORTERS':
      return users(
        await tx.execute(
          `select u.id, u.role, u.unit_id from thread_supports s join users u on u.id = s.user_id
            where s.thread_id = ? and u.disabled_at is null`,
          [event.thread_id],
        ),
      );
  }
}

async function writeNotifications(
  tx: EntityManager,
  event: EventRow,
  topic: NotificationTopic,
  recipients: Recipient[],
): Promise<number> {
  if (recipients.length === 0) return 0;
  const inserted = await tx.execute<Array<{ id: string; user_id: string | null }>>(
    `insert into notifications (user_id, recipient, event_id, thread_id, topic, to_status, created_at)
     select r.user_id, r.recipient, ?, ?, ?, ?, now()
       from jsonb_to_recordset(?::jsonb) as r(user_id uuid, recipient text)
     on conflict (event_id, recipient) do nothing
     returning id::text as id, user_id`,
    [
      event.id,
      event.thread_id,
      topic,
      event.to_status,
      JSON.stringify(recipients.map(({ userId, key }) => ({ user_id: userId, recipient: key }))),
    ],
  );
  if (inserted.length === 0) return 0;
  const userIds = inserted.map((row) => row.user_id).filter((id): id is string => id !== null);
  const wants = await channelWishes(tx, userIds);
  for (const row of inserted) {
    const wish = row.user_id ? (wants.get(row.user_id) ?? DEFAULT_WISH) : CONTACT_WISH;
    const channels: NotificationChannel[] = [];
    if (wish.email && !(wish.digest && DIGEST_TOPICS.has(topic))) channels.push(NotificationChannel.EMAIL);
    if (wish.push) channels.push(NotificationChannel.PUSH);
    for (const channel of channels) {
      const payload: DeliverPayload = { notificationId: row.id, channel };
      await enqueueJob(tx, DELIVER_TASK, payload, { jobKey: `deliver:${row.id}:${channel}`, maxAttempts: 10 });
    }
  }
  return inserted.length;
}

interface Wish {
  email: boolean;
  push: boolean;
  digest: boolean;
}
const DEFAULT_WISH: Wish = { email: true, push: true, digest: false };
const CONTACT_WISH: Wish = { email: true, push: false, digest: false };

async function channelWishes(tx: EntityManager, userIds: string[]): Promise<Map<string, Wish>> {
  const wishes = new Map<string, Wish>();
  if (userIds.length === 0) return wishes;
  const rows = await tx.execute<
    Array<{ id: string; email: boolean | null; push: boolean | null; digest: boolean | null; subscribed: boolean }>
  >(
    `select u.id, s.email, s.push, s.digest,
            exists (select 1 from push_subscriptions p where p.user_id = u.id) as subscribed
       from users u left join notification_settings s on s.user_id = u.id
      where u.id in (${userIds.map(() => '?').join(',')})`,
    userIds,
  );
  for (const row of rows) {
    wishes.set(row.id, {
      email: row.email ?? DEFAULT_WISH.email,
      push: (row.push ?? DEFAULT_WISH.push) && row.subscribed,
      digest: row.digest ?? DEFAULT_WISH.digest,
    });
  }
  return wishes;
}
