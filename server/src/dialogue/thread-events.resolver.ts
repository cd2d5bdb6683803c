import { IsolationLevel } from '@mikro-orm/core';
import { Arg, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { Role } from '../accounts/role.js';
import type { Context } from '../shared/context.js';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import { EventStream, PAGE } from './event-stream.js';
import { ThreadEvent } from './thread-event.entity.js';
import { Thread } from './thread.entity.js';
import { assertCursor, EVENT_RELATIONS } from './thread-query.service.js';
import { accessFor } from './thread.service.js';
import { isUuid } from '../shared/ids.js';

type Data<TArgs> = SubscribeResolverData<unknown, TArgs, Context>;
const AFTER = { nullable: true, description: 'Cursor of the last event seen: replays everything after it first.' };
const page = { orderBy: { id: 'asc' }, limit: PAGE, populate: [...EVENT_RELATIONS] } as const;

function threadEvents({
  args,
  context,
}: Data<{ threadId: string; after?: string | null; trackingCode?: string | null }>) {
  assertCursor(args.after);
  if (!isUuid(args.threadId)) throw new NotFoundError('Thread');
  return new EventStream(
    context.em,
    context.services.bus,
    (notice) => notice.threadId === args.threadId,
    (em, cursor) =>
      // Access is decided again on every read (a transfer away ends an old unit's stream), on the
      // same snapshot as the events, so an event never slips in under the rights it revoked.
      em.transactional(
        async (tx) => {
          const thread = await tx.findOne(Thread, args.threadId);
          const access = thread ? accessFor(context, thread, args.trackingCode) : null;
          if (!thread || !access?.read) return null;
          return tx.find(
            ThreadEvent,
            { thread: thread.id, id: { $gt: cursor }, ...(access.internal ? {} : { internal: false }) },
            page,
          );
        },
        { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
      ),
    args.after ?? null,
  );
}

async function assertThreadReadable(context: Context, threadId: string, trackingCode?: string | null) {
  const thread = isUuid(threadId) ? await context.em.findOne(Thread, threadId) : null;
  if (!thread || !accessFor(context, thread, trackingCode).read) throw new NotFoundError('Thread');
}

function inboxEvents({ args, context }: Data<{ unitId?: string | null; after?: string | null }>) {
  assertCursor(args.after);
  const { viewer } = context;
  const watchesAll = viewer?.role === Role.MONITOR || viewer?.role === Role.ADMIN;
  if (!viewer) throw new ForbiddenError('Sign in to follow an inbox.');
  if (args.unitId && !isUuid(args.unitId)) throw new BadUserInputError('unitId must be a unit id', 'unitId');
  if (!watchesAll && (!args.unitId || viewer.unit?.id !== args.unitId)) {
    throw new ForbiddenError("Officers follow their own unit's inbox; monitors and administrators follow any.");
  }
  const unitId = args.unitId ?? null;
  return new EventStream(
    context.em,
    context.services.bus,
    (notice) => unitId === null || notice.unitIds.includes(unitId),
    (em, cursor) =>
      em.find(
        ThreadEvent,
        { id: { $gt: cursor }, ...(unitId ? { thread: { $or: [{ unit: unitId }, { escalatedTo: unitId }] } } : {}) },
        page,
      ),
    args.after ?? null,
  );
}

function boardEvents({ args, context }: Data<{ after?: string | null }>) {
  assertCursor(args.after);
  return new EventStream(
    context.em,
    context.services.bus,
    (notice) => notice.isPublic && !notice.internal,
    (em, cursor) => em.find(ThreadEvent, { id: { $gt: cursor }, internal: false, thread: { isPublic: true } }, page),
    args.after ?? null,
  );
}

@Resolver()
export class ThreadEventsResolver {
  @Subscription(() => ThreadEvent, {
    description:
      'Everything that happens to one thread that the viewer may see, live; `after` replays what was missed.',
    subscribe: async (data: Data<{ threadId: string; after?: string | null; trackingCode?: string | null }>) => {
      await assertThreadReadable(data.context, data.args.threadId, data.args.trackingCode);
      return threadEvents(data);
    },
  })
  threadEvents(
    @Root() event: ThreadEvent,
    @Arg('threadId', () => ID, { description: 'The thread.' }) _threadId: string,
    @Arg('after', () => String, AFTER) _after: string | null,
    @Arg('trackingCode', () => String, { nullable: true, description: 'Tracking code of an anonymous post.' })
    _trackingCode: string | null,
  ): ThreadEvent {
    return event;
  }

  @Subscription(() => ThreadEvent, {
    description:
      "A unit's inbox, live: events of the threads it is responsible for or that were escalated to it. Monitors and administrators may omit unitId to follow every unit.",
    subscribe: inboxEvents,
  })
  inboxEvents(
    @Root() event: ThreadEvent,
    @Arg('unitId', () => ID, { nullable: true, description: 'The unit; officers give their own.' })
    _unitId: string | null,
    @Arg('after', () => String, AFTER) _after: string | null,
  ): ThreadEvent {
    return event;
  }

  @Subscription(() => ThreadEvent, {
    description: 'The public board, live: public events of public threads, for everyone.',
    subscribe: boardEvents,
  })
  boardEvents(@Root() event: ThreadEvent, @Arg('after', () => String, AFTER) _after: string | null): ThreadEvent {
    return event;
  }
}
