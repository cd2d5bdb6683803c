import type { EntityManager } from '@mikro-orm/postgresql';
import { leanQuery, mapRows } from '../db/lean.js';
import { Message } from './message.entity.js';
import { ThreadEvent } from './thread-event.entity.js';
import { Thread } from './thread.entity.js';

/**
 * The thread page's reads as lean SQL (see db/lean.ts for why not `em.find`): a thread with the
 * relations every view of it shows (THREAD_RELATIONS), its messages, its events. Each is one
 * statement whatever the number of rows; the objects are read-only.
 */

/** An account's id and name only (never its e-mail or password hash), as a joined relation. */
const personJson = (alias: string) =>
  `case when ${alias}.id is null then null else jsonb_build_object('id', ${alias}.id, 'display_name', ${alias}.display_name) end`;

/** Threads of `source` (the table, or a page of it) with the relations every view shows, joined. */
const threadSelect = (source: string) => `select t.*, to_jsonb(c) as "category", to_jsonb(p) as "place",
  to_jsonb(u) as "unit", to_jsonb(e) as "escalatedTo", ${personJson('a')} as "assignee"
  from ${source} t
  join categories c on c.id = t.category_id
  join units p on p.id = t.place_id
  join units u on u.id = t.unit_id
  left join units e on e.id = t.escalated_to_id
  left join users a on a.id = t.assignee_id`;

/** Threads of `source` (`threads`, or a subquery of its rows) with `tail` (where, order, limit on `t`). */
export async function threadsFrom(
  em: EntityManager,
  source: string,
  params: readonly unknown[],
  tail: string,
): Promise<Thread[]> {
  return mapRows(em, Thread, await leanQuery(em, `${threadSelect(source)} ${tail}`, params));
}

/** The one thread matching `where` (alias `t`), or null. */
export async function threadRow(em: EntityManager, where: string, params: readonly unknown[]): Promise<Thread | null> {
  return (await threadsFrom(em, 'threads', params, `where ${where} limit 1`))[0] ?? null;
}

/** The thread's messages, oldest first, with their unit; `thread` is set on each (no reload). */
export async function messagesOf(em: EntityManager, thread: Thread, internal: boolean): Promise<Message[]> {
  const rows = await leanQuery(
    em,
    `select m.*, to_jsonb(mu) as "unit" from messages m left join units mu on mu.id = m.unit_id
     where m.thread_id = ? ${internal ? '' : 'and not m.internal'} order by m.created_at, m.id`,
    [thread.id],
  );
  return mapRows(em, Message, rows).map((message) => Object.assign(message, { thread }));
}

/** Events with their message (and its unit) and units joined, and their thread unless it is known. */
const eventSelect = (withThread: boolean) => `select ev.*, ${withThread ? 'to_jsonb(th) as "thread",' : ''}
    case when m.id is null then null else to_jsonb(m) || jsonb_build_object('unit', to_jsonb(mu)) end as "message",
    to_jsonb(fu) as "fromUnit", to_jsonb(tu) as "toUnit", ${personJson('au')} as "assignee"
  from thread_events ev
  ${withThread ? 'join threads th on th.id = ev.thread_id' : ''}
  left join messages m on m.id = ev.message_id
  left join units mu on mu.id = m.unit_id
  left join units fu on fu.id = ev.from_unit_id
  left join units tu on tu.id = ev.to_unit_id
  left join users au on au.id = ev.assignee_id`;

/**
 * Events matching `where` (alias `ev`), ordered and limited by `tail`. Each carries its thread:
 * `thread` when given (its events), else the thread's row with its relations as references (the
 * live hub: enough for the rule's scope and the payload).
 */
export async function eventsWhere(
  em: EntityManager,
  where: string,
  params: readonly unknown[],
  tail: string,
  thread?: Thread,
): Promise<ThreadEvent[]> {
  const rows = await leanQuery(em, `${eventSelect(!thread)} where ${where} ${tail}`, params);
  const events = mapRows(em, ThreadEvent, rows);
  for (const event of events) {
    if (thread) Object.assign(event, { thread });
    if (event.message) Object.assign(event.message, { thread: event.thread });
  }
  return events;
}

/** The thread's events after a cursor, in log order. */
export function eventsOf(em: EntityManager, thread: Thread, after: string | null, internal: boolean) {
  return eventsWhere(
    em,
    `ev.thread_id = ? ${after ? 'and ev.id > ?' : ''} ${internal ? '' : 'and not ev.internal'}`,
    after ? [thread.id, after] : [thread.id],
    'order by ev.id',
    thread,
  );
}
