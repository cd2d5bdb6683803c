import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { beforeAll, describe, expect, it } from 'vitest';
import { User } from '../../server/src/accounts/user.entity.js';
import {
  boardReader,
  eventAudience,
  inboxEventsWhere,
  inboxReader,
  inboxUnits,
  readableSql,
  readableWhere,
  scopeOf,
  staffedWhere,
  threadAccess,
  visibleEventsWhere,
  type Viewer,
} from '../../server/src/dialogue/thread-access.js';
import { ThreadEvent } from '../../server/src/dialogue/thread-event.entity.js';
import { threadPermissions } from '../../server/src/dialogue/thread-permissions.js';
import { Thread, THREAD_RELATIONS } from '../../server/src/dialogue/thread.entity.js';
import { directory, post, REPLY, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The thread rule in TypeScript and in SQL must agree: every role against every thread shape,
 * built through the API in a real database, the SQL conditions run there and compared with the
 * TypeScript rule on the same rows. A disagreement means a list, a replay or the dashboard shows
 * what a single read refuses, or hides what it allows.
 */

const SHAPES = {
  'public, by a citizen': { isPublic: true, anonymous: false },
  'private, by a citizen': { isPublic: false, anonymous: false },
  'public, anonymous': { isPublic: true, anonymous: true },
  'private, anonymous': { isPublic: false, anonymous: true },
  'private, escalated to the district': { isPublic: false, anonymous: false, escalated: true },
  'private anonymous, escalated': { isPublic: false, anonymous: true, escalated: true },
  'private, transferred away': { isPublic: false, anonymous: false, transferred: true },
  'public, transferred away': { isPublic: true, anonymous: false, transferred: true },
} as const;
type Shape = keyof typeof SHAPES;

/** Each role: who signs in (if anyone), and whether they hold the tracking code of anonymous posts. */
const ROLES = {
  anonymous: { email: null, holdsCode: false },
  'tracking-code holder': { email: null, holdsCode: true },
  'citizen author': { email: 'dan', holdsCode: false },
  'citizen author holding the code': { email: 'dan', holdsCode: true },
  'other citizen': { email: 'kbinh', holdsCode: false },
  'officer of the unit': { email: 'lh.nb', holdsCode: false },
  'officer of another unit': { email: 'lh.pt', holdsCode: false },
  'officer of the unit transferred to': { email: 'lh.ktht', holdsCode: false },
  'officer of the unit escalated to': { email: 'lh', holdsCode: false },
  monitor: { email: 'mttq', holdsCode: false },
  admin: { email: 'admin', holdsCode: false },
} as const;
type RoleName = keyof typeof ROLES;

const UNITS = ['LH.NB', 'LH.PT', 'LH.KTHT', 'LH'] as const;

let server: TestServer;
let dir: Directory;
let em: EntityManager;
const threads = new Map<Shape, Thread>();
const events = new Map<Shape, ThreadEvent[]>();
const viewers = new Map<RoleName, Viewer | null>();
const codes = new Map<Shape, string>();
const tokens = new Map<RoleName, string>();

beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
  em = server.app.orm.em.fork();
  const citizen = await server.login('dan@nghedan.demo');
  const officer = await server.login('lh.nb@nghedan.demo');
  const ids = new Map<Shape, string>();
  for (const [name, shape] of Object.entries(SHAPES) as Array<[Shape, (typeof SHAPES)[Shape]]>) {
    // An anonymous post made by a signed-in citizen carries no account, as the web app sends it.
    const posted = await post(server, dir, {
      token: shape.anonymous ? undefined : citizen,
      anonymous: shape.anonymous,
      isPublic: shape.isPublic,
      place: 'LH.NB',
    });
    expect(posted.unit.code).toBe('LH.NB');
    for (const internal of [false, true]) {
      const reply = await server.gql(REPLY, {
        token: officer,
        variables: { input: { threadId: posted.id, body: internal ? 'Ghi chú nội bộ' : 'Đã tiếp nhận', internal } },
      });
      expect(reply.errors).toBeUndefined();
    }
    if ('transferred' in shape) {
      const transfer = await server.gql(
        'mutation ($input: TransferInput!) { transferThread(input: $input) { unit { code } } }',
        {
          token: officer,
          variables: { input: { threadId: posted.id, unitId: dir.unit('LH.KTHT'), reason: 'Sai thẩm quyền' } },
        },
      );
      expect(transfer.data).toEqual({ transferThread: { unit: { code: 'LH.KTHT' } } });
    }
    // What the overdue job does when a deadline passes (test/dialogue/overdue.test.ts runs it for real).
    if ('escalated' in shape) {
      await em.execute('update threads set escalated_to_id = ? where id = ?', [dir.unit('LH'), posted.id]);
    }
    ids.set(name, posted.id);
    if (posted.trackingCode) codes.set(name, posted.trackingCode);
  }
  for (const [name, id] of ids) {
    const thread = await em.findOneOrFail(Thread, id, { populate: [...THREAD_RELATIONS], refresh: true });
    threads.set(name, thread);
    events.set(name, await em.find(ThreadEvent, { thread: id }, { orderBy: { id: 'asc' } }));
  }
  for (const [name, role] of Object.entries(ROLES) as Array<[RoleName, (typeof ROLES)[RoleName]]>) {
    viewers.set(
      name,
      role.email && (await em.findOneOrFail(User, { email: `${role.email}@nghedan.demo` }, { populate: ['unit'] })),
    );
    if (role.email) tokens.set(name, await server.login(`${role.email}@nghedan.demo`));
  }
}, 120_000);

const grantFor = (role: RoleName, thread: Thread) => ROLES[role].holdsCode && thread.trackingCodeHash != null;
const grantsFor = (role: RoleName, thread: Thread) => (grantFor(role, thread) ? [thread.id] : []);

async function threadMatches(thread: Thread, where: FilterQuery<Thread>): Promise<boolean> {
  return (await em.count(Thread, { $and: [{ id: thread.id }, where] })) === 1;
}

async function visibleEventIds(thread: Thread, where: FilterQuery<ThreadEvent>): Promise<string[]> {
  const found = await em.find(ThreadEvent, { $and: [{ thread: thread.id }, where] }, { orderBy: { id: 'asc' } });
  return found.map((event) => event.id);
}

const CASES = (Object.keys(ROLES) as RoleName[]).flatMap((role) =>
  (Object.keys(SHAPES) as Shape[]).map((shape) => [role, shape] as const),
);

describe('the thread rule in TypeScript and in SQL', () => {
  it.each(CASES)('%s × %s: the same read and staff rights', async (role, shape) => {
    const thread = threads.get(shape)!;
    const viewer = viewers.get(role)!;
    const access = threadAccess(scopeOf(thread), viewer, grantFor(role, thread));
    expect(await threadMatches(thread, readableWhere(viewer, grantsFor(role, thread))), 'readableWhere').toBe(
      access.read,
    );
    const raw = readableSql(viewer, grantsFor(role, thread));
    const [row] = await em.execute<Array<{ n: number }>>(
      `select count(*)::int as n from threads t where t.id = ? and ${raw.sql}`,
      [thread.id, ...raw.params],
    );
    expect(row!.n === 1, 'readableSql').toBe(access.read);
    expect(await threadMatches(thread, staffedWhere(viewer)), 'staffedWhere').toBe(access.internal);
  });

  it.each(CASES)('%s × %s: the same events, internal notes included or not', async (role, shape) => {
    const thread = threads.get(shape)!;
    const viewer = viewers.get(role)!;
    const access = threadAccess(scopeOf(thread), viewer, grantFor(role, thread));
    const byRule = events
      .get(shape)!
      .filter((event) => eventAudience(access, event) !== null)
      .map((event) => event.id);
    expect(await visibleEventIds(thread, visibleEventsWhere(viewer, grantsFor(role, thread)))).toEqual(byRule);
  });

  it('covers both answers for every right: the table is not one-sided', () => {
    const answers = CASES.map(([role, shape]) => {
      const thread = threads.get(shape)!;
      return threadAccess(scopeOf(thread), viewers.get(role)!, grantFor(role, thread));
    });
    for (const right of ['read', 'internal', 'officer', 'author', 'transfer', 'support', 'assign'] as const) {
      expect(new Set(answers.map((access) => access[right])), right).toEqual(new Set([true, false]));
    }
  });
});

describe('through the API', () => {
  const VIEWER_CAN = `query ($id: ID!, $code: String) {
    thread(id: $id, trackingCode: $code) { viewerCan { reply note move { to reasonRequired } transfer markDuplicate rate reopen support assign } }
  }`;
  it.each(CASES)('%s × %s: reads exactly what the rule allows, and may do what viewerCan says', async (role, shape) => {
    const thread = threads.get(shape)!;
    const access = threadAccess(scopeOf(thread), viewers.get(role)!, grantFor(role, thread));
    const result = await server.gql<{ thread: { viewerCan: unknown } }>(VIEWER_CAN, {
      token: tokens.get(role),
      variables: { id: thread.id, code: ROLES[role].holdsCode ? codes.get(shape) : undefined },
    });
    if (!access.read) return expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(result.data?.thread.viewerCan).toEqual(threadPermissions(thread, access));
  });
});

describe('the live streams and their replays', () => {
  it.each(Object.keys(SHAPES) as Shape[])('the board shows the same events live and replayed: %s', async (shape) => {
    const thread = threads.get(shape)!;
    const access = threadAccess(scopeOf(thread), boardReader);
    const live = events.get(shape)!.filter((event) => eventAudience(access, event) === 'public');
    expect(await visibleEventIds(thread, visibleEventsWhere(boardReader))).toEqual(live.map((event) => event.id));
  });

  it.each(Object.keys(SHAPES) as Shape[])('every inbox shows the same events live and replayed: %s', async (shape) => {
    const thread = threads.get(shape)!;
    const scope = scopeOf(thread);
    for (const code of [...UNITS, null]) {
      const unitId = code && dir.unit(code);
      const access = threadAccess(scope, inboxReader(unitId));
      const live = events.get(shape)!.filter((event) => eventAudience(access, event, true) === 'staff');
      expect(await visibleEventIds(thread, inboxEventsWhere(unitId)), code ?? 'every unit').toEqual(
        live.map((event) => event.id),
      );
      // The hub looks inboxes up by unit: the ones it looks up are exactly those the rule lets see.
      if (unitId) expect(inboxUnits(scope).includes(unitId), code!).toBe(access.internal);
    }
  });

  it('an inbox shows an internal note only to the units staffing the thread', () => {
    const thread = threads.get('private, escalated to the district')!;
    const note = events.get('private, escalated to the district')!.find((event) => event.internal)!;
    const sees = (code: string) =>
      eventAudience(threadAccess(scopeOf(thread), inboxReader(dir.unit(code))), note, true);
    expect(UNITS.map(sees)).toEqual(['staff', null, null, 'staff']);
  });
});
