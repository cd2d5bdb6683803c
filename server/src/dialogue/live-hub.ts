import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import pLimit from 'p-limit';
import type { Context } from '../shared/context.js';
import type { EventBus } from '../shared/event-bus.js';
import { LiveSubscription, type LiveChannel } from '../shared/live/live-subscription.js';
import type { LivePlan } from '../shared/live/live-plan.js';
import type { Logger } from '../shared/logger.js';
import { RecentEvents, replayRecent, type Audience, type RecentEvent } from './live-recent.js';
import { latestCursor, replayPage, type Follow } from './live-replay.js';
import { eventsWhere } from './thread-rows.js';
import {
  boardReader,
  NO_ACCESS,
  eventAudience,
  inboxReader,
  inboxUnits,
  scopeOf,
  threadAccess,
  type ThreadAccess,
  type ThreadScope,
} from './thread-access.js';
import { type ThreadEvent } from './thread-event.entity.js';

/** Events read per statement, by the hub and by a catching-up subscriber. */
export const PAGE = 200;
/** Live events a catching-up subscriber may hold back before it is cut as too slow. */
const HELD_BACK = 5_000;
/** Replays that read the database at once on this instance; the rest queue, queries keep the pool. */
const REPLAYS_AT_ONCE = 4;

/** One subscriber: what it follows, its plan, and how far it has been sent. */
class Tap {
  cursor = 0n;
  /** Events delivered while the subscriber still catches up from the log (null once it is live). */
  held: Array<{ id: bigint; payload: Buffer }> | null = [];
  private scopeKey = '';
  private access: ThreadAccess | undefined;

  readonly stream: LiveSubscription;

  constructor(
    channel: LiveChannel,
    readonly plan: LivePlan,
    readonly follow: Follow,
    onFinish: (tap: Tap) => void,
  ) {
    this.stream = new LiveSubscription(channel.subscriptionId, channel.sink, () => onFinish(this));
  }

  /** A thread follower's rights in the thread's current scope, decided again only when it changes. */
  accessTo(scope: ThreadScope): ThreadAccess {
    const { follow } = this;
    if (follow.kind !== 'thread') return NO_ACCESS;
    const key = `${scope.isPublic}|${scope.authorId}|${scope.unitId}|${scope.escalatedToId}`;
    if (key !== this.scopeKey || !this.access) {
      this.access = threadAccess(scope, follow.viewer, follow.grant);
      this.scopeKey = key;
    }
    return this.access;
  }

  /**
   * The payload to send for an event, once and in order; null when there is none now (already
   * sent, or held back while the subscriber still catches up: it gets it after its replay).
   */
  take(id: bigint, payload: Buffer): Buffer | null {
    if (this.held) {
      if (this.held.length >= HELD_BACK) this.stream.fail(new Error('The live stream fell too far behind.'));
      else this.held.push({ id, payload });
      return null;
    }
    if (id <= this.cursor) return null;
    this.cursor = id;
    return payload;
  }
}

/**
 * Live delivery of the thread event log, shared by every subscriber of this instance.
 *
 * Why a delivery layer of our own beside graphql-ws rather than graphql-ws executing each
 * subscription: graphql-ws runs `execute` and `JSON.stringify` once per subscriber per event, and
 * the former design also read the log once per subscriber. Here each event is read once per
 * instance (with the thread's visibility), its audiences are decided once (the public board, a
 * unit's staff, a thread's readers with or without internal notes, the monitors), each distinct
 * subscription document is executed once per audience, and the same serialised payload is
 * written to every socket of that audience. graphql-ws still owns the protocol, validation and the
 * subscribe step, where each subscriber's rights are checked as before.
 *
 * Exactly once and in order: the log's ids grow in commit order (see event-log.ts); the hub reads
 * them in order and a subscriber is sent an event only if its id is past the subscriber's cursor.
 * A subscriber joining with `after` catches up to the hub's position with its own rights — from the
 * hub's memory of recent events when it reaches back that far (live-recent.ts), else from the log —
 * while the hub holds back what it delivers meanwhile.
 */
export class ThreadEventHub {
  private readonly board = new Set<Tap>();
  private readonly everyInbox = new Set<Tap>();
  private readonly inboxes = new Map<string, Set<Tap>>();
  private readonly threads = new Map<string, Set<Tap>>();
  private readonly replays = pLimit(REPLAYS_AT_ONCE);
  private recent = new RecentEvents(0, 0n);
  /** The last event whose audiences were decided; joining subscribers catch up to here. */
  private position = 0n;
  private reading = false;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => void) | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: EventBus,
    private readonly log: Logger,
    /** The context an audience's documents run with: no viewer, a fork for field resolvers. */
    private readonly audienceContext: (em: EntityManager) => Context,
    /** A safety net for a lost bus message: the log is read at least this often. */
    private readonly pollMs = 5_000,
    /** Recent events kept for subscribers resuming from a recent cursor. */
    private readonly recentEvents = 2_000,
    /** Hears which events were just written to subscribers' sockets (the event-lag metric). */
    private readonly delivered: (events: readonly ThreadEvent[]) => void = () => undefined,
  ) {}

  async start(): Promise<void> {
    this.unlisten = this.bus.listen('threads', () => this.pump());
    const em = this.orm.em.fork();
    this.position = BigInt(await latestCursor(em));
    await this.remember(em);
    const poll = () => {
      this.pump();
      this.timer = setTimeout(poll, this.pollMs).unref();
    };
    this.timer = setTimeout(poll, this.pollMs).unref();
  }

  /** Loads the latest events up to the position, so that pages resuming after a restart catch up from memory. */
  private async remember(em: EntityManager): Promise<void> {
    if (this.recentEvents === 0) {
      this.recent = new RecentEvents(0, this.position);
      return;
    }
    const latest = await eventsWhere(
      em,
      'ev.id <= ?',
      [String(this.position), this.recentEvents],
      'order by ev.id desc limit ?',
    );
    const oldest = latest.at(-1);
    const complete = latest.length < this.recentEvents || !oldest ? 0n : BigInt(oldest.id) - 1n;
    this.recent = new RecentEvents(this.recentEvents, complete);
    for (const event of latest.reverse()) this.recent.add(event, scopeOf(event.thread));
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unlisten?.();
  }

  /**
   * Joins a subscriber. It first catches up from the log after `after` (with its own rights),
   * then receives the shared deliveries; without `after` it starts at the hub's position.
   */
  follow(channel: LiveChannel, follow: Follow, after: string | null): LiveSubscription {
    const tap = new Tap(channel, channel.acquirePlan(), follow, (finished) => {
      this.remove(finished);
      finished.plan.release();
    });
    this.index(tap).add(tap);
    const upTo = this.position;
    const from = after === null ? upTo : BigInt(after);
    tap.cursor = from;
    const recent = from < upTo ? this.recent.between(from, upTo) : null;
    if (recent) void this.catchUpRecent(tap, recent, upTo);
    else if (from < upTo) void this.catchUp(tap, upTo);
    else this.goLive(tap);
    return tap.stream;
  }

  private index(tap: Tap): Set<Tap> {
    const { follow } = tap;
    if (follow.kind === 'board') return this.board;
    if (follow.kind === 'inbox' && follow.unitId === null) return this.everyInbox;
    const [map, key] = follow.kind === 'inbox' ? [this.inboxes, follow.unitId!] : [this.threads, follow.threadId];
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    return set;
  }

  private remove(tap: Tap): void {
    const set = this.index(tap);
    set.delete(tap);
    const { follow } = tap;
    if (set.size === 0 && follow.kind === 'inbox' && follow.unitId) this.inboxes.delete(follow.unitId);
    if (set.size === 0 && follow.kind === 'thread') this.threads.delete(follow.threadId);
  }

  private async catchUp(tap: Tap, upTo: bigint): Promise<void> {
    try {
      await this.replays(async () => {
        while (!tap.stream.closed) {
          const em = this.orm.em.fork();
          const page = await replayPage(em, tap.follow, String(tap.cursor), String(upTo), PAGE);
          if (page === null) return tap.stream.end();
          const context = this.audienceContext(em);
          const payloads: Buffer[] = [];
          for (const event of page) {
            payloads.push(Buffer.from(await tap.plan.render(event, context)));
            tap.cursor = BigInt(event.id);
          }
          tap.stream.send(payloads);
          if (page.length < PAGE) return;
        }
      });
      this.goLive(tap);
    } catch (error) {
      this.log.warn({ err: error }, 'a live stream could not catch up');
      tap.stream.fail(error);
    }
  }

  private async catchUpRecent(tap: Tap, entries: RecentEvent[], upTo: bigint): Promise<void> {
    try {
      const replayed = replayRecent(entries, tap.follow, (scope) => tap.accessTo(scope));
      if (replayed === null) return tap.stream.end();
      const context = this.audienceContext(this.orm.em.fork());
      const payloads = await Promise.all(
        replayed.map(({ entry, audience }) => this.render(entry, audience, tap.plan, context)),
      );
      tap.cursor = upTo;
      tap.stream.send(payloads);
      this.goLive(tap);
    } catch (error) {
      this.log.warn({ err: error }, 'a live stream could not catch up');
      tap.stream.fail(error);
    }
  }

  /** An event's payload for an audience and plan, rendered once and kept with the event. */
  private render(entry: RecentEvent, audience: Audience, plan: LivePlan, context: Context): Promise<Buffer> {
    const key = renderKey(audience, plan);
    let payload = entry.rendered.get(key);
    if (!payload) {
      // Staff audiences read personal data as written; every other rendering is masked
      // (readsPersonalData in thread-access.ts: staff with internal access, or the author).
      const shown = audience === 'staff' ? { ...context, showPersonalData: true } : context;
      payload = plan.render(entry.event, shown).then((text) => Buffer.from(text));
      entry.rendered.set(key, payload);
      payload.catch(() => entry.rendered.delete(key));
    }
    return payload;
  }

  private goLive(tap: Tap): void {
    const held = tap.held ?? [];
    tap.held = null;
    tap.stream.send(held.map(({ id, payload }) => tap.take(id, payload)).filter((payload) => payload !== null));
  }

  /** Reads what the log gained since the last read, once for the instance, and delivers it. */
  private pump(): void {
    if (this.stopped) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    void (async () => {
      try {
        do {
          this.again = false;
          const em = this.orm.em.fork();
          const events = await eventsWhere(em, 'ev.id > ?', [String(this.position), PAGE], 'order by ev.id limit ?');
          await this.deliver(events, em);
          if (events.length === PAGE) this.again = true;
        } while (this.again && !this.stopped);
      } catch (error) {
        this.log.error({ err: error }, 'live delivery could not read the event log; retrying');
        setTimeout(() => this.pump(), 1_000).unref();
      } finally {
        this.reading = false;
      }
    })();
  }

  /**
   * Decides each event's audiences, renders and encodes each plan once per event and audience,
   * then writes every socket's messages of the whole batch together (a post's POSTED and ROUTED
   * in one write); the payload's bytes are shared by the whole audience.
   */
  private async deliver(events: ThreadEvent[], em: EntityManager): Promise<void> {
    const context = this.audienceContext(em);
    const outbox = new Outbox();
    const written: ThreadEvent[] = [];
    for (const event of events) {
      const scope = scopeOf(event.thread);
      const entry = this.recent.add(event, scope);
      const groups = this.audiencesOf(event, scope, outbox);
      this.position = entry.id;
      const rendered = await Promise.all(
        [...groups.values()].map(async (group) => ({
          group,
          payload: await this.render(entry, group.audience, group.plan, context),
        })),
      );
      if (rendered.length > 0) written.push(event);
      for (const { group, payload } of rendered) {
        for (const tap of group.taps) outbox.add(tap, tap.take(entry.id, payload));
      }
    }
    outbox.flush();
    if (written.length > 0) this.delivered(written);
  }

  /** Who may see this event, grouped by plan and audience; streams that lost the right end after the batch. */
  private audiencesOf(event: ThreadEvent, scope: ThreadScope, outbox: Outbox) {
    const groups = new Map<string, { plan: LivePlan; audience: Audience; taps: Tap[] }>();
    const add = (tap: Tap, audience: Audience) => {
      const key = renderKey(audience, tap.plan);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { plan: tap.plan, audience, taps: [] }));
      group.taps.push(tap);
    };
    const toGroup = (taps: Iterable<Tap>, audience: Audience | null) => {
      if (audience) for (const tap of taps) add(tap, audience);
    };
    toGroup(this.board, eventAudience(threadAccess(scope, boardReader), event));
    toGroup(this.everyInbox, eventAudience(threadAccess(scope, inboxReader(null)), event, true));
    for (const unitId of inboxUnits(scope)) {
      const taps = this.inboxes.get(unitId);
      if (taps) toGroup(taps, eventAudience(threadAccess(scope, inboxReader(unitId)), event, true));
    }
    for (const tap of this.threads.get(event.thread.id) ?? []) {
      if (outbox.ending(tap) || tap.follow.kind !== 'thread') continue;
      const access = tap.accessTo(scope);
      const audience = eventAudience(access, event);
      if (!access.read) outbox.end(tap);
      else if (audience) add(tap, audience);
    }
    return groups;
  }
}

/** An audience and a plan: what one rendering of an event serves. */
function renderKey(audience: Audience, plan: LivePlan): string {
  return `${audience}\u0000${plan.key}`;
}

/**
 * One batch's payloads by subscriber, each subscriber's written together, then the streams that
 * end. (By subscriber rather than by socket: a page holds one or two subscriptions, and grouping
 * by socket would cost a map and arrays per socket on every batch.)
 */
class Outbox {
  private readonly payloads = new Map<Tap, Buffer[]>();
  private readonly ended = new Set<Tap>();

  add(tap: Tap, payload: Buffer | null): void {
    if (payload === null) return;
    const queued = this.payloads.get(tap);
    if (queued === undefined) this.payloads.set(tap, [payload]);
    else queued.push(payload);
  }

  end(tap: Tap): void {
    this.ended.add(tap);
  }

  ending(tap: Tap): boolean {
    return this.ended.has(tap);
  }

  flush(): void {
    // A client may have completed its subscription while the batch rendered: send then refuses.
    for (const [tap, payloads] of this.payloads) tap.stream.send(payloads);
    for (const tap of this.ended) tap.stream.end();
  }
}
