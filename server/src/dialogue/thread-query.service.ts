import { raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../shared/context.js';
import { BadUserInputError, NotFoundError } from '../shared/errors.js';
import { foldVietnamese } from '../shared/text.js';
import { Unit, UnitKind, UnitLevel } from '../units/unit.entity.js';
import { type Message } from './message.entity.js';
import { type ThreadEvent } from './thread-event.entity.js';
import { Thread } from './thread.entity.js';
import { latestCursor } from './live-replay.js';
import { readableWhere, staffedWhere } from './thread-access.js';
import { accessFor } from './thread.service.js';
import { searchWordCondition } from './personal-data.js';
import { logStaffReads } from './access-log.js';
import { eventsOf, messagesOf, threadRow, threadsFrom } from './thread-rows.js';
import { noteTrackingCodeMiss } from './tracking-code-limits.js';
import { TrackingCodes } from './tracking-code.js';
import { ThreadAssignment, ThreadOrder, type ThreadConnection, type ThreadFilter } from './thread.type.js';
import { isUuid } from '../shared/ids.js';

/**
 * The lists' keyset orders, and the index each is served by (thread.entity.ts; plans read with
 * EXPLAIN (ANALYZE, BUFFERS) at 1M threads, test/dialogue/query-plans.test.ts keeps them):
 * - the anonymous board, NEWEST: Index Scan Backward on threads_public_created (created_at, id)
 *   WHERE is_public, stops after the page; its capped count an Index Only Scan of 1,001 entries (1 ms;
 *   the exact count was a parallel Seq Scan of the table, 2.7 s);
 * - a signed-in viewer's board, NEWEST: threads_created_at_id_index backward, the visibility
 *   predicate as a filter (most threads are public, so the page is found in a few dozen rows);
 * - a unit's inbox (filter unitId), DEADLINE or NEWEST: Index Scan on threads_unit_urgency or
 *   threads_unit_created (unit_id, urgency_rank, urgent_at | created_at, id), which carry the visibility
 *   predicate's columns so the capped count is index-only (it was a bitmap scan of all the unit's
 *   threads and a top-N sort: 1.5 s at 1M);
 * - every thread by DEADLINE (a monitor's inbox, the board): threads_urgency (urgency_rank,
 *   urgent_at, id);
 * - MOST_SUPPORTED: threads_supported (support_count, created_at, id), backward;
 * - a field or a commune: the same order index with the filter, or (category_id | place_id,
 *   created_at); search: the order index filtered while words are common, the trigram GIN index
 *   (threads_search_text_trgm) and a sort of its few matches when rare, as the planner estimates.
 */
const ORDERS = {
  [ThreadOrder.NEWEST]: { createdAt: 'desc', id: 'desc' },
  [ThreadOrder.MOST_SUPPORTED]: { supportCount: 'desc', createdAt: 'desc', id: 'desc' },
  [ThreadOrder.DEADLINE]: { urgencyRank: 'asc', urgentAt: 'asc', id: 'asc' },
} as const;

/** Event cursors are positions in the log: decimal integers. */
export function assertCursor(after: string | null | undefined): void {
  if (after != null && !/^\d{1,18}$/.test(after))
    throw new BadUserInputError('after must be an event cursor.', 'after');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isDate = (value: unknown) =>
  typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
const CURSOR_SHAPES: Record<ThreadOrder, Array<(value: unknown) => boolean>> = {
  [ThreadOrder.NEWEST]: [isDate, isUuid],
  [ThreadOrder.MOST_SUPPORTED]: [Number.isSafeInteger, isDate, isUuid],
  [ThreadOrder.DEADLINE]: [Number.isSafeInteger, isDate, isUuid],
};

/** An `after` must be an endCursor of the same order: base64url JSON of one value per sort key. */
function checkedCursor(after: string, order: ThreadOrder): string {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  const shape = CURSOR_SHAPES[order];
  if (
    !Array.isArray(values) ||
    values.length !== shape.length ||
    !shape.every((valid, index) => valid(values[index]))
  ) {
    throw new BadUserInputError('after is not a cursor of this list and order.', 'after');
  }
  return after;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * The place, what stands under it, and the places merged into any of them: a filter by today's
 * commune finds the threads posted to the communes it took in, and a filter by an old commune
 * still finds its own.
 */
async function placeAndBelow(em: EntityManager, placeIds: string[]): Promise<string[]> {
  const units = await em.find(Unit, {}, { fields: ['id', 'parent', 'successor'] });
  const children = new Map<string, string[]>();
  for (const unit of units) {
    for (const upperId of [unit.parent?.id, unit.successor?.id]) {
      if (upperId) children.set(upperId, [...(children.get(upperId) ?? []), unit.id]);
    }
  }
  const found = new Set<string>();
  const queue = [...placeIds];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (found.has(id)) continue;
    found.add(id);
    queue.push(...(children.get(id) ?? []));
  }
  return [...found];
}

const LEVEL_WORDS = /^(ubnd\s+)?(xa|thi tran|phuong|dac khu|thon|to dan pho|ban|ap)\s+/;

/** "UBND xã Mê Linh" → "me linh"; "Thôn Kon Pang, xã Phi Tô" → "kon pang". */
const coreName = (name: string) => foldVietnamese(name.split(',')[0]!).trim().replace(LEVEL_WORDS, '');

/** Places whose whole name, today or before a renaming, is in the search text. */
async function placesNamed(em: EntityManager, search: string): Promise<string[]> {
  const folded = foldVietnamese(search).trim();
  if (folded.length < 3) return [];
  const units = await em.find(
    Unit,
    { kind: UnitKind.GOVERNMENT, level: { $in: [UnitLevel.COMMUNE, UnitLevel.VILLAGE] } },
    { fields: ['id', 'name', 'formerNames'] },
  );
  return units
    .filter((unit) =>
      [unit.name, ...unit.formerNames].some((name) => {
        const core = coreName(name);
        return core.length >= 3 && ` ${folded} `.includes(` ${core} `);
      }),
    )
    .map((unit) => unit.id);
}

/** Where totalCount stops counting (see ThreadConnection.totalCount). */
export const TOTAL_COUNT_CAP = 1000;

/**
 * How many threads match, up to TOTAL_COUNT_CAP + 1: the matches are read in the list's own order
 * and the count stops there, so it walks the index that serves the page (see the thread entity's
 * indexes) and reads at most CAP + 1 entries, whatever the table's size. An exact count(*) over
 * every public thread read the whole table on each page load: 2.7 s at 1M threads.
 */
async function cappedCount(em: EntityManager, conditions: FilterQuery<Thread>[], order: ThreadOrder) {
  const matches = em
    .createQueryBuilder(Thread, 't0')
    .select(raw('1'))
    .where({ $and: conditions })
    .orderBy(ORDERS[order])
    .limit(TOTAL_COUNT_CAP + 1)
    .getKnexQuery();
  const counted = em.getKnex().count({ count: '*' }).from(matches.as('matches'));
  const [row] = await em.getConnection().execute<Array<{ count: string | number }>>(counted);
  return Number(row?.count ?? 0);
}

type OrderKey = { [O in ThreadOrder]: keyof (typeof ORDERS)[O] }[ThreadOrder];
const keysOf = (order: ThreadOrder) => Object.keys(ORDERS[order]) as OrderKey[];
const direction = (order: ThreadOrder, key: OrderKey) => (ORDERS[order] as Record<OrderKey, 'asc' | 'desc'>)[key];

/** A list cursor: base64url JSON of the last item's sort keys (dates as ISO strings). */
const cursorOf = (thread: Thread, order: ThreadOrder) =>
  Buffer.from(JSON.stringify(keysOf(order).map((key) => thread[key]))).toString('base64url');

/**
 * What comes after a cursor in the list's order. Every order runs one way (all descending or all
 * ascending), so "after" expands to: a smaller (larger) first key, or an equal one and a smaller
 * (larger) second, and so on — the shape the order indexes serve.
 */
function afterCursor(cursor: string, order: ThreadOrder): FilterQuery<Thread> {
  const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
  const keys = keysOf(order);
  const beyond = direction(order, keys[0]!) === 'desc' ? '$lt' : '$gt';
  const typed = (key: OrderKey, index: number) =>
    key === 'createdAt' || key === 'urgentAt' ? new Date(values[index] as string) : values[index];
  return {
    $or: keys.map((key, index) => ({
      ...Object.fromEntries(keys.slice(0, index).map((equal, before) => [equal, typed(equal, before)])),
      [key]: { [beyond]: typed(key, index) },
    })),
  } as FilterQuery<Thread>;
}

/**
 * One page (and one more row, to tell whether another page follows) with its relations, in one
 * statement: MikroORM's query builder writes the condition and the order (the same SQL the
 * indexes above were chosen for); the rows are mapped lean (db/lean.ts), without hydration.
 */
async function threadPage(
  em: EntityManager,
  conditions: FilterQuery<Thread>[],
  order: ThreadOrder,
  first: number,
  after: string | null,
): Promise<Thread[]> {
  const page = em
    .createQueryBuilder(Thread, 't0')
    .select('*')
    .where({ $and: after ? [...conditions, afterCursor(after, order)] : conditions })
    .orderBy(ORDERS[order])
    .limit(first + 1)
    .getKnexQuery()
    .toSQL();
  const sort = keysOf(order)
    .map((key) => `t.${em.getMetadata().get(Thread).properties[key].fieldNames[0]} ${direction(order, key)}`)
    .join(', ');
  return threadsFrom(em, `(${page.sql})`, page.bindings, `order by ${sort}`);
}

export class ThreadQueryService {
  constructor(private readonly ctx: Context) {}

  /** NOT_FOUND both when it does not exist and when the viewer may not read it. */
  async thread(id: string, trackingCode?: string | null): Promise<Thread> {
    const thread = isUuid(id) ? await threadRow(this.ctx.em, 't.id = ?', [id]) : null;
    if (!thread || !accessFor(this.ctx, thread, trackingCode).read) throw new NotFoundError('Thread');
    await logStaffReads(this.ctx, [thread], 'thread');
    return thread;
  }

  async threads(
    filter: ThreadFilter,
    order: ThreadOrder,
    first: number,
    after?: string | null,
  ): Promise<ThreadConnection> {
    const { em, viewer } = this.ctx;
    const conditions: FilterQuery<Thread>[] = [readableWhere(viewer, this.ctx.grants)];
    if (filter.statuses?.length) conditions.push({ status: { $in: filter.statuses } });
    if (filter.categoryId) conditions.push({ category: filter.categoryId });
    if (filter.placeId) conditions.push({ place: { $in: await placeAndBelow(em, [filter.placeId]) } });
    if (filter.unitId) conditions.push({ unit: filter.unitId });
    if (filter.kind) conditions.push({ kind: filter.kind });
    if (filter.mine) conditions.push(viewer ? { author: viewer.id } : { id: { $in: [] } });
    if (filter.assignment) {
      // Who is in charge is staff knowledge: the view lists only threads the viewer works on.
      conditions.push(staffedWhere(viewer));
      const mine = filter.assignment === ThreadAssignment.MINE;
      conditions.push(mine ? (viewer ? { assignee: viewer.id } : { id: { $in: [] } }) : { assignee: null });
    }
    if (filter.overdue != null) {
      const late = { $or: [{ acknowledgeOverdueAt: { $ne: null } }, { answerOverdueAt: { $ne: null } }] };
      conditions.push(filter.overdue ? late : { acknowledgeOverdueAt: null, answerOverdueAt: null });
    }
    const words = filter.search ? foldVietnamese(filter.search).split(' ').filter(Boolean) : [];
    if (words.length > 0) {
      const inText: FilterQuery<Thread> = {
        $and: words.map((word) => searchWordCondition(viewer, `%${escapeLike(word)}%`)),
      };
      // A place's name, an old one included, finds the threads posted there.
      const named = await placesNamed(em, filter.search!);
      conditions.push(
        named.length > 0 ? { $or: [inText, { place: { $in: await placeAndBelow(em, named) } }] } : inText,
      );
    }
    // Read before the list: a change between the two reads is replayed, never lost.
    const eventsCursor = await latestCursor(em);
    const page = await threadPage(em, conditions, order, first, after ? checkedCursor(after, order) : null);
    const cursor = { items: page.slice(0, first), hasNextPage: page.length > first };
    const last = cursor.items.at(-1);
    await logStaffReads(this.ctx, cursor.items, 'threads');
    const totalCount = await cappedCount(em, conditions, order);
    return {
      nodes: cursor.items,
      endCursor: last ? cursorOf(last, order) : null,
      hasNextPage: cursor.hasNextPage,
      totalCount: Math.min(totalCount, TOTAL_COUNT_CAP),
      totalCountCapped: totalCount > TOTAL_COUNT_CAP,
      eventsCursor,
    };
  }

  /** The thread an anonymous poster's tracking code opens; NOT_FOUND for any other code. */
  async byTrackingCode(code: string): Promise<Thread> {
    const thread = await threadRow(this.ctx.em, 't.tracking_code_hash = ?', [TrackingCodes.hash(code)]);
    if (!thread) noteTrackingCodeMiss(this.ctx);
    if (!thread) throw new NotFoundError('Thread');
    this.ctx.grants.add(thread.id);
    return thread;
  }

  messages(thread: Thread): Promise<Message[]> {
    return messagesOf(this.ctx.em, thread, accessFor(this.ctx, thread).internal);
  }

  events(thread: Thread, after?: string | null): Promise<ThreadEvent[]> {
    assertCursor(after);
    return eventsOf(this.ctx.em, thread, after ?? null, accessFor(this.ctx, thread).internal);
  }
}
