import type { FilterQuery } from '@mikro-orm/core';
import { Role } from '../accounts/role.js';
import type { ThreadEvent } from './thread-event.entity.js';
import type { Thread } from './thread.entity.js';

/**
 * Who may read and act on a thread: the one rule, in the three forms that need it.
 *
 * The rule is written once, in `ruleFor`, as lists of conditions on a thread; each right holds
 * when any of its conditions holds. The forms below only evaluate those lists:
 * - TypeScript (`threadAccess`): resolvers, services and the live hub, on a loaded thread;
 * - SQL (`readableWhere`, `staffedWhere`, `visibleEventsWhere`, `readableSql`): lists, replays and
 *   the dashboard, as conditions for MikroORM or raw SQL;
 * - streams (`eventAudience`, `boardReader`, `inboxReader`, `inboxUnits`): which live follower
 *   sees an event, and as which audience.
 * test/dialogue/thread-access.test.ts proves the forms agree for every role and thread shape.
 */

/** What authorization needs to know of a viewer (an account, or what a live stream kept of it). */
export interface Viewer {
  /** Null for a stream that reads as a role rather than as one account (a unit's inbox). */
  id: string | null;
  role: Role;
  unit?: { id: string } | null;
}

/** What authorization needs to know of a thread. */
export interface ThreadScope {
  isPublic: boolean;
  authorId: string | null;
  unitId: string;
  escalatedToId: string | null;
}

/** The scope of a loaded thread (its unit and escalation populated or referenced). */
export const scopeOf = (thread: Pick<Thread, 'isPublic' | 'author' | 'unit' | 'escalatedTo'>): ThreadScope => ({
  isPublic: thread.isPublic,
  authorId: thread.author?.id ?? null,
  unitId: thread.unit.id,
  escalatedToId: thread.escalatedTo?.id ?? null,
});

export interface ThreadAccess {
  /** May read the thread and its public messages and events. */
  read: boolean;
  /** May also read internal notes and internal events (staff of the thread). */
  internal: boolean;
  /** Speaks for the responsible unit: replies, writes notes, moves the status, transfers. */
  officer: boolean;
  /** The author, or the holder of the tracking code: answers back, reopens, rates. */
  author: boolean;
  /** May hand the thread to another unit: its officers and administrators. */
  transfer: boolean;
  /** May support (+1) it: signed-in citizens who can read it. */
  support: boolean;
  /** May put one of the unit's officers in charge of it: its officers and administrators. */
  assign: boolean;
}

export const NO_ACCESS: ThreadAccess = {
  read: false,
  internal: false,
  officer: false,
  author: false,
  transfer: false,
  support: false,
  assign: false,
};

/** One condition on a thread under which a right holds. */
type Condition =
  | { on: 'every' }
  | { on: 'public' }
  | { on: 'author'; accountId: string }
  /** The viewer holds the thread's tracking code (a grant of this request or stream). */
  | { on: 'granted' }
  | { on: 'unit'; unitId: string }
  | { on: 'escalatedTo'; unitId: string };

type Right = keyof ThreadAccess;
type Rule = Record<Right, Condition[]>;

/** The rule: for each right, the conditions under which this viewer holds it. */
function ruleFor(viewer: Viewer | null): Rule {
  const author: Condition[] = [{ on: 'granted' }];
  if (viewer?.id) author.push({ on: 'author', accountId: viewer.id });
  const unitId = viewer?.role === Role.OFFICER ? (viewer.unit?.id ?? null) : null;
  const officer: Condition[] = unitId ? [{ on: 'unit', unitId }] : [];
  const watchesAll = viewer?.role === Role.MONITOR || viewer?.role === Role.ADMIN;
  const internal: Condition[] = watchesAll
    ? [{ on: 'every' }]
    : unitId
      ? [
          { on: 'unit', unitId },
          { on: 'escalatedTo', unitId },
        ]
      : [];
  const read: Condition[] = [{ on: 'public' }, ...author, ...internal];
  const unitOrAdmin: Condition[] = viewer?.role === Role.ADMIN ? [{ on: 'every' }] : officer;
  return {
    read,
    internal,
    officer,
    author,
    transfer: unitOrAdmin,
    support: viewer?.role === Role.CITIZEN ? read : [],
    assign: unitOrAdmin,
  };
}

// ---- The TypeScript form -------------------------------------------------------------------

function holds(condition: Condition, thread: ThreadScope, granted: boolean): boolean {
  switch (condition.on) {
    case 'every':
      return true;
    case 'public':
      return thread.isPublic;
    case 'author':
      return thread.authorId === condition.accountId;
    case 'granted':
      return granted;
    case 'unit':
      return thread.unitId === condition.unitId;
    case 'escalatedTo':
      return thread.escalatedToId === condition.unitId;
  }
}

/** The viewer's rights on a thread; `holdsTrackingCode` when the viewer proved the thread's code. */
export function threadAccess(thread: ThreadScope, viewer: Viewer | null, holdsTrackingCode = false): ThreadAccess {
  const rule = ruleFor(viewer);
  const any = (right: Right) => rule[right].some((condition) => holds(condition, thread, holdsTrackingCode));
  return {
    read: any('read'),
    internal: any('internal'),
    officer: any('officer'),
    author: any('author'),
    transfer: any('transfer'),
    support: any('support'),
    assign: any('assign'),
  };
}

// ---- The SQL forms -------------------------------------------------------------------------

/** Matches no row (MikroORM renders an empty `$in` as a false condition). */
const NOTHING = { id: { $in: [] as string[] } };

function toFilter(conditions: Condition[], grants: readonly string[]): FilterQuery<Thread> {
  if (conditions.some((condition) => condition.on === 'every')) return {};
  const parts: FilterQuery<Thread>[] = [];
  for (const condition of conditions) {
    if (condition.on === 'public') parts.push({ isPublic: true });
    if (condition.on === 'author') parts.push({ author: condition.accountId });
    if (condition.on === 'granted' && grants.length > 0) parts.push({ id: { $in: [...grants] } });
    if (condition.on === 'unit') parts.push({ unit: condition.unitId });
    if (condition.on === 'escalatedTo') parts.push({ escalatedTo: condition.unitId });
  }
  if (parts.length === 0) return NOTHING;
  return parts.length === 1 ? parts[0]! : { $or: parts };
}

/** The threads a viewer may read, as a MikroORM condition; `grants`: threads whose code the viewer holds. */
export function readableWhere(viewer: Viewer | null, grants: Iterable<string> = []): FilterQuery<Thread> {
  return toFilter(ruleFor(viewer).read, [...grants]);
}

/** The threads a viewer is staff on (reads their internal notes), as a MikroORM condition. */
export function staffedWhere(viewer: Viewer | null): FilterQuery<Thread> {
  return toFilter(ruleFor(viewer).internal, []);
}

/** An event condition on its thread; none when every thread qualifies. */
const onThread = (filter: FilterQuery<Thread>): FilterQuery<ThreadEvent> =>
  Object.keys(filter).length === 0 ? {} : { thread: filter };

/** The events a unit's inbox carries (null: every unit's), internal ones included. */
export function inboxEventsWhere(unitId: string | null): FilterQuery<ThreadEvent> {
  return onThread(staffedWhere(inboxReader(unitId)));
}

/** The events a viewer may see: of readable threads, internal ones only where staff. */
export function visibleEventsWhere(viewer: Viewer | null, grants: Iterable<string> = []): FilterQuery<ThreadEvent> {
  const rule = ruleFor(viewer);
  const readable = onThread(toFilter(rule.read, [...grants]));
  if (rule.internal.some((condition) => condition.on === 'every')) return readable;
  if (rule.internal.length === 0) return { $and: [readable, { internal: false }] };
  return { $and: [readable, { $or: [{ internal: false }, onThread(toFilter(rule.internal, []))] }] };
}

/** The read right as raw SQL on the `threads` table under `alias`, for hand-written aggregates. */
export function readableSql(
  viewer: Viewer | null,
  grants: Iterable<string> = [],
  alias = 't',
): { sql: string; params: unknown[] } {
  const conditions = ruleFor(viewer).read;
  if (conditions.some((condition) => condition.on === 'every')) return { sql: 'true', params: [] };
  const ids = [...grants];
  const parts: string[] = [];
  const params: unknown[] = [];
  const compare = (column: string, value: string) => {
    parts.push(`${alias}.${column} = ?`);
    params.push(value);
  };
  for (const condition of conditions) {
    if (condition.on === 'public') parts.push(`${alias}.is_public`);
    if (condition.on === 'author') compare('author_id', condition.accountId);
    if (condition.on === 'unit') compare('unit_id', condition.unitId);
    if (condition.on === 'escalatedTo') compare('escalated_to_id', condition.unitId);
    if (condition.on === 'granted' && ids.length > 0) {
      parts.push(`${alias}.id in (${ids.map(() => '?').join(', ')})`);
      params.push(...ids);
    }
  }
  return { sql: parts.length === 0 ? 'false' : `(${parts.join(' or ')})`, params };
}

// ---- The stream form -----------------------------------------------------------------------

/** The board follows as anyone: public events of public threads. */
export const boardReader: Viewer | null = null;

/** A unit's inbox follows as the unit's officers would (staff rights), every inbox as a monitor. */
export const inboxReader = (unitId: string | null): Viewer =>
  unitId ? { id: null, role: Role.OFFICER, unit: { id: unitId } } : { id: null, role: Role.MONITOR };

/**
 * Whether a viewer may follow an inbox (null: every unit's): only when they are staff on every
 * thread it carries, so an officer follows their own unit's, monitors and administrators any.
 */
export function mayFollowInbox(viewer: Viewer | null, unitId: string | null): boolean {
  const staffOn = viewer ? ruleFor(viewer).internal : [];
  return staffOn.some(
    (condition) => condition.on === 'every' || (condition.on === 'unit' && condition.unitId === unitId),
  );
}

/** The units whose inboxes carry a thread's events: those whose officers are staff on it. */
export const inboxUnits = (thread: ThreadScope): string[] =>
  [thread.unitId, thread.escalatedToId].filter(
    (unitId, index, all): unitId is string => unitId !== null && all.indexOf(unitId) === index,
  );

/**
 * Whether a follower with these rights sees an event, and in which rendering: staff see internal
 * fields, everyone else the public ones. An inbox (`staffOnly`) carries only the threads it staffs.
 */
export function eventAudience(
  access: ThreadAccess,
  event: { internal: boolean },
  staffOnly = false,
): 'staff' | 'public' | null {
  if (!access.read || (event.internal && !access.internal) || (staffOnly && !access.internal)) return null;
  return access.internal ? 'staff' : 'public';
}

/**
 * Whether a viewer reads a thread's texts as written, phone numbers, e-mail addresses and ID
 * numbers included: its author (or the holder of its tracking code) and the staff who work it
 * (internal access). Everyone else reads them masked (shared/personal-data.ts).
 */
export function readsPersonalData(access: ThreadAccess): boolean {
  return access.author || access.internal;
}
