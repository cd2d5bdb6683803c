import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus, ThreadNotice } from '../shared/event-bus.js';
import type { ThreadEvent } from './thread-event.entity.js';

export const PAGE = 200;

/**
 * Reads the next page of events after `cursor` that the subscriber may see, on a fresh
 * EntityManager; null when the subscriber has lost the right to follow (the stream ends).
 */
export type EventFetcher = (em: EntityManager, cursor: string) => Promise<ThreadEvent[] | null>;

export async function latestCursor(em: EntityManager): Promise<string> {
  const [row] = await em.execute<Array<{ max: string | null }>>('select max(id)::text as max from thread_events');
  return row?.max ?? '0';
}

/**
 * A live, resumable stream: it starts listening before it reads, replays what the log holds
 * after `after`, then reads again each time a relevant notice arrives. Reading by cursor from
 * the log (whose ids grow in commit order) gives no gap and no duplicate, on one instance or many.
 */
export class EventStream implements AsyncIterableIterator<ThreadEvent> {
  private readonly buffer: ThreadEvent[] = [];
  private pending = true;
  private finished = false;
  private wake: (() => void) | undefined;
  private readonly unlisten: () => void;
  private cursor: Promise<string>;

  constructor(
    private readonly em: EntityManager,
    bus: EventBus,
    relevant: (notice: ThreadNotice) => boolean,
    private readonly fetch: EventFetcher,
    after: string | null,
  ) {
    this.unlisten = bus.listen((notices) => {
      if (!notices.some(relevant)) return;
      this.pending = true;
      this.wake?.();
    });
    this.cursor = after !== null ? Promise.resolve(after) : latestCursor(em.fork());
  }

  async next(): Promise<IteratorResult<ThreadEvent>> {
    while (!this.finished) {
      const event = this.buffer.shift();
      if (event) return { value: event, done: false };
      if (!this.pending) await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
      if (this.finished) break;
      this.pending = false;
      const batch = await this.fetch(this.em.fork(), await this.cursor);
      if (batch === null) {
        await this.return();
        break;
      }
      if (batch.length > 0) this.cursor = Promise.resolve(batch[batch.length - 1]!.id);
      if (batch.length === PAGE) this.pending = true;
      this.buffer.push(...batch);
    }
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<ThreadEvent>> {
    this.finished = true;
    this.unlisten();
    this.wake?.();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ThreadEvent> {
    return this;
  }
}
