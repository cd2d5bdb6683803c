import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  boardReader,
  inboxEventsWhere,
  scopeOf,
  threadAccess,
  visibleEventsWhere,
  type Viewer,
} from './thread-access.js';
import { ThreadEvent } from './thread-event.entity.js';
import { Thread, THREAD_RELATIONS } from './thread.entity.js';

export const EVENT_RELATIONS = ['message.unit', 'fromUnit', 'toUnit'] as const;

/** The newest event in the log: where a list read now should resume live. */
export async function latestCursor(em: EntityManager): Promise<string> {
  const [row] = await em.execute<Array<{ max: string | null }>>('select max(id)::text as max from thread_events');
  return row?.max ?? '0';
}

/** What one live subscription follows, and as whom. */
export type Follow =
  | { kind: 'board' }
  /** `unitId` null: every unit (monitors and administrators). */
  | { kind: 'inbox'; unitId: string | null }
  | { kind: 'thread'; threadId: string; viewer: Viewer | null; grant: boolean };

/**
 * The events in (after, upTo] that one subscriber may see, read with its own rights: a resumed
 * stream catches up here before it joins the shared delivery. Null when the subscriber may no
 * longer follow (a thread transferred away from an officer's unit).
 */
export async function replayPage(
  em: EntityManager,
  follow: Follow,
  after: string,
  upTo: string,
  limit: number,
): Promise<ThreadEvent[] | null> {
  const page = { orderBy: { id: 'asc' }, limit, populate: ['thread', ...EVENT_RELATIONS] } as const;
  const ids = { $gt: after, $lte: upTo };
  switch (follow.kind) {
    case 'board':
      return em.find(ThreadEvent, { $and: [{ id: ids }, visibleEventsWhere(boardReader)] }, page);
    case 'inbox':
      return em.find(ThreadEvent, { $and: [{ id: ids }, inboxEventsWhere(follow.unitId)] }, page);
    case 'thread':
      // Access and events on one snapshot, so an event never slips in under rights it revoked.
      return em.transactional(
        async (tx) => {
          const thread = await tx.findOne(Thread, follow.threadId, { populate: [...THREAD_RELATIONS] });
          const access = thread ? threadAccess(scopeOf(thread), follow.viewer, follow.grant) : null;
          if (!thread || !access?.read) return null;
          return tx.find(
            ThreadEvent,
            { thread: thread.id, id: ids, ...(access.internal ? {} : { internal: false }) },
            page,
          );
        },
        { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
      );
  }
}
