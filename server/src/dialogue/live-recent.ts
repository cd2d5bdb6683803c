import type { Follow } from './live-replay.js';
import {
  boardReader,
  eventAudience,
  inboxReader,
  threadAccess,
  type ThreadAccess,
  type ThreadScope,
} from './thread-access.js';
import type { ThreadEvent } from './thread-event.entity.js';

/** Who an event is rendered for: the public, or staff who may read internal notes. */
export type Audience = 'public' | 'staff';

/** A thread's visibility as of the hub's position, shared by its recent events. */
interface ThreadState {
  scope: ThreadScope;
  events: number;
}

/** One event the hub delivered, with its thread's current visibility and what was rendered of it. */
export interface RecentEvent {
  readonly id: bigint;
  readonly event: ThreadEvent;
  readonly thread: ThreadState;
  /** Payloads rendered for it, by audience and plan: catch-ups reuse what live delivery rendered. */
  readonly rendered: Map<string, Promise<Buffer>>;
}

/** An event a catching-up subscriber is sent, and the audience it is rendered for. */
export interface Replayed {
  entry: RecentEvent;
  audience: Audience;
}

/**
 * The last events the hub delivered, so that a subscriber resuming with a recent cursor (a page
 * whose link dropped, a slow consumer that was cut, every page of an instance that shut down
 * reconnecting to another) catches up from memory instead of reading the log on its own: a
 * thousand pages resuming at once cost no query. Older cursors still replay from the log
 * (live-replay.ts); both apply the same rule, with each thread's visibility as it is now.
 */
export class RecentEvents {
  private entries: RecentEvent[] = [];
  private readonly threads = new Map<string, ThreadState>();

  /**
   * @param complete every event after this cursor, up to the hub's position, is held here.
   */
  constructor(
    private readonly capacity: number,
    private complete: bigint,
  ) {}

  /** Keeps an event just read (in log order) and updates its thread's visibility. */
  add(event: ThreadEvent, scope: ThreadScope): RecentEvent {
    let thread = this.threads.get(event.thread.id);
    if (!thread) this.threads.set(event.thread.id, (thread = { scope, events: 0 }));
    thread.scope = scope;
    thread.events += 1;
    const entry: RecentEvent = { id: BigInt(event.id), event, thread, rendered: new Map() };
    this.entries.push(entry);
    // Let go of the oldest quarter at once rather than shifting the array on every event.
    if (this.entries.length > this.capacity + (this.capacity >> 2)) this.forget(this.entries.length - this.capacity);
    return entry;
  }

  /** The events in (after, upTo], or null when the memory does not reach back to `after`. */
  between(after: bigint, upTo: bigint): RecentEvent[] | null {
    if (after < this.complete) return null;
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.entries[middle]!.id <= after) low = middle + 1;
      else high = middle;
    }
    const found: RecentEvent[] = [];
    for (let index = low; index < this.entries.length && this.entries[index]!.id <= upTo; index += 1) {
      found.push(this.entries[index]!);
    }
    return found;
  }

  private forget(count: number): void {
    const gone = this.entries.slice(0, count);
    this.entries = this.entries.slice(count);
    for (const entry of gone) {
      if (--entry.thread.events === 0) this.threads.delete(entry.event.thread.id);
    }
    this.complete = gone.at(-1)?.id ?? this.complete;
  }
}

/**
 * What one subscriber may see of recent events, with each thread's visibility as it is now: what
 * `replayPage` selects in SQL (live-replay.ts), decided by the same rule's stream form
 * (thread-access.ts). Null when a thread's follower may no longer read it.
 */
export function replayRecent(
  entries: readonly RecentEvent[],
  follow: Follow,
  accessTo: (scope: ThreadScope) => ThreadAccess,
): Replayed[] | null {
  const replayed: Replayed[] = [];
  for (const entry of entries) {
    const { scope } = entry.thread;
    const { event } = entry;
    let audience: Audience | null = null;
    if (follow.kind === 'board') audience = eventAudience(threadAccess(scope, boardReader), event);
    else if (follow.kind === 'inbox')
      audience = eventAudience(threadAccess(scope, inboxReader(follow.unitId)), event, true);
    else if (event.thread.id === follow.threadId) {
      const access = accessTo(scope);
      if (!access.read) return null;
      audience = eventAudience(access, event);
    }
    if (audience) replayed.push({ entry, audience });
  }
  return replayed;
}
