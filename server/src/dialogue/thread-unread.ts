import { raw } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../accounts/role.js';
import type { Context } from '../shared/context.js';
import { BadUserInputError } from '../shared/errors.js';
import { isUuid } from '../shared/ids.js';
import { staffedWhere } from './thread-access.js';
import { OPEN_STATUSES } from './thread-status.js';
import { Thread } from './thread.entity.js';
import { accessFor, ThreadService } from './thread.service.js';

/**
 * Unread state: each person's read marker per thread (thread_reads.cursor, set when they open the
 * thread's page). A thread is unread when an event they may see, made by someone else, came after
 * the marker; one never opened is unread as soon as it has such an event.
 */

/** The unread condition on a thread row `t`, for viewer `?` (twice), internal events included when `staff`. */
const unreadSql = (staff: string) => `exists (
  select 1 from thread_events ev
  where ev.thread_id = t.id
    and ev.id > coalesce((select r.cursor from thread_reads r where r.thread_id = t.id and r.user_id = ?), 0)
    and ev.actor_id is distinct from ?
    and (not ev.internal or ${staff})
)`;

/** A uuid[] parameter as PostgreSQL's array literal (the driver would spread a JS array into a list). */
const pgArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** One statement per request for every thread of a list: which of them are unread. */
const loaders = new WeakMap<Context, DataLoader<Thread, boolean, string>>();
function unreadLoader(ctx: Context): DataLoader<Thread, boolean, string> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<Thread, boolean, string>(
      async (threads) => {
        const viewerId = ctx.viewer!.id;
        const ids = threads.map((thread) => thread.id);
        const staffOn = threads.filter((thread) => accessFor(ctx, thread).internal).map((thread) => thread.id);
        const rows = await ctx.em
          .getConnection()
          .execute<Array<{ id: string; unread: boolean }>>(
            `select t.id, ${unreadSql('t.id = any(?::uuid[])')} as unread from unnest(?::uuid[]) as t(id)`,
            [viewerId, viewerId, pgArray(staffOn), pgArray(ids)],
          );
        const unread = new Map(rows.map((row) => [row.id, row.unread]));
        return threads.map((thread) => unread.get(thread.id) ?? false);
      },
      { cacheKeyFn: (thread) => thread.id },
    );
    loaders.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => Thread)
export class ThreadUnreadResolver {
  @FieldResolver(() => Boolean, {
    description:
      'Something you may see happened since you last opened the thread (by someone else); false when not signed in.',
  })
  viewerUnread(@Root() thread: Thread, @Ctx() ctx: Context): Promise<boolean> | boolean {
    if (!ctx.viewer) return false;
    return unreadLoader(ctx).load(thread);
  }

  @Authorized()
  @Mutation(() => Thread, {
    description: 'Marks the thread read up to its latest event (the thread page calls it when opened).',
  })
  async markThreadRead(
    @Arg('threadId', () => ID, { description: 'The thread.' }) threadId: string,
    @Ctx() ctx: Context,
  ): Promise<Thread> {
    if (!isUuid(threadId)) throw new BadUserInputError('threadId must be a thread id.', 'threadId');
    const viewer = ctx.viewer!;
    return ctx.em.transactional(async (tx) => {
      const { thread } = await new ThreadService(ctx).lockThread(tx, threadId);
      await tx.execute(
        `insert into thread_reads (user_id, thread_id, cursor, read_at)
         select ?, ?, coalesce(max(ev.id), 0), now() from thread_events ev where ev.thread_id = ?
         on conflict (user_id, thread_id)
         do update set cursor = greatest(thread_reads.cursor, excluded.cursor), read_at = excluded.read_at`,
        [viewer.id, thread.id, thread.id],
      );
      loaders.get(ctx)?.clear(thread);
      return thread;
    });
  }

  @Authorized(Role.OFFICER, Role.MONITOR, Role.ADMIN)
  @Query(() => Int, {
    description: "How many open threads you are staff on are unread (a unit's inbox with unitId), counted up to 1,000.",
  })
  async unreadThreadCount(
    @Arg('unitId', () => ID, { nullable: true, description: 'Only threads this unit is responsible for.' })
    unitId: string | null,
    @Ctx() ctx: Context,
  ): Promise<number> {
    if (unitId != null && !isUuid(unitId)) throw new BadUserInputError('unitId must be a unit id.', 'unitId');
    const viewer = ctx.viewer!;
    const staff = staffedWhere(viewer);
    const matches = ctx.em
      .createQueryBuilder(Thread, 't')
      .select(raw('1'))
      .where({ $and: [staff, { status: { $in: OPEN_STATUSES } }, ...(unitId ? [{ unit: unitId }] : [])] })
      // Staff on the thread by the where clause above, so internal events count.
      .andWhere(unreadSql('true'), [viewer.id, viewer.id])
      .limit(1000)
      .getKnexQuery();
    const counted = ctx.em.getKnex().count({ count: '*' }).from(matches.as('matches'));
    const [row] = await ctx.em.getConnection().execute<Array<{ count: string | number }>>(counted);
    return Number(row?.count ?? 0);
  }
}
