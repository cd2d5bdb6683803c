import type { EntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus, ThreadNotice } from '../shared/event-bus.js';
import { enqueueJob } from '../shared/job-queue.js';
import type { Thread } from './thread.entity.js';
import { ThreadEvent } from './thread-event.entity.js';

/**
 * The job added in the same transaction as the events it names (a transactional outbox): whoever
 * reacts to events (notifications) does so at least once, and never for a change rolled back.
 */
export const EVENTS_RECORDED_TASK = 'thread-events-recorded';

export interface EventsRecordedPayload {
  eventIds: string[];
}

/** Taken just before the events are inserted and held to commit: cursors then grow in commit order. */
export const EVENT_LOG_LOCK = 746_100_001;

export type EventData = Omit<EntityData<ThreadEvent>, 'thread' | 'id' | 'createdAt'> &
  Pick<ThreadEvent, 'type' | 'actorName'>;

export class EventRecorder {
  readonly recorded: Array<{ event: ThreadEvent; thread: Thread }> = [];

  constructor(private readonly tx: EntityManager) {}

  record(thread: Thread, data: EventData): ThreadEvent {
    const event = this.tx.create(ThreadEvent, { ...data, thread } as never) as ThreadEvent;
    this.recorded.push({ event, thread });
    return event;
  }
}

/**
 * Runs a change to threads and its events in one transaction, then tells the event bus.
 * A subscriber that misses the notice still finds the events in the log when it resumes.
 */
export async function withEventLog<T>(
  em: EntityManager,
  bus: EventBus,
  work: (tx: EntityManager, events: EventRecorder) => Promise<T>,
): Promise<T> {
  let recorder: EventRecorder | undefined;
  const result = await em.transactional(async (tx) => {
    recorder = new EventRecorder(tx);
    const value = await work(tx, recorder);
    if (recorder.recorded.length > 0) await tx.execute('select pg_advisory_xact_lock(?)', [EVENT_LOG_LOCK]);
    await tx.flush();
    if (recorder.recorded.length > 0) {
      const payload: EventsRecordedPayload = { eventIds: recorder.recorded.map(({ event }) => String(event.id)) };
      await enqueueJob(tx, EVENTS_RECORDED_TASK, payload);
    }
    return value;
  });
  const notices: ThreadNotice[] = (recorder?.recorded ?? []).map(({ event, thread }) => ({
    threadId: thread.id,
    unitIds: [
      ...new Set([thread.unit.id, event.toUnit?.id, thread.escalatedTo?.id].filter((id): id is string => !!id)),
    ],
    isPublic: thread.isPublic,
    internal: event.internal,
  }));
  if (notices.length > 0) await bus.publish('threads', notices);
  return result;
}
