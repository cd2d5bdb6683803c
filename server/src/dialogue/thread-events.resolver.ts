import { Arg, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Context } from '../shared/context.js';
import { BadRequestError, BadUserInputError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import { isUuid } from '../shared/ids.js';
import type { LiveChannel } from '../shared/live/live-subscription.js';
import { mayFollowInbox, type Viewer } from './thread-access.js';
import { ThreadEvent } from './thread-event.entity.js';
import { Thread } from './thread.entity.js';
import { assertCursor } from './thread-query.service.js';
import { accessFor } from './thread.service.js';
import { logStaffReads } from './access-log.js';

type Data<TArgs> = SubscribeResolverData<unknown, TArgs, Context>;
const AFTER = { nullable: true, description: 'Cursor of the last event seen: replays everything after it first.' };

function channelOf(context: Context): LiveChannel {
  if (!context.live) throw new BadRequestError('Subscriptions are served over WebSocket at /graphql.');
  return context.live;
}

/** What a live stream keeps of the viewer: plain values, not the entity and its EntityManager. */
const viewerOf = ({ viewer }: Context): Viewer | null =>
  viewer && { id: viewer.id, role: viewer.role, unit: viewer.unit ? { id: viewer.unit.id } : null };

async function threadEvents({
  args,
  context,
}: Data<{ threadId: string; after?: string | null; trackingCode?: string | null }>) {
  assertCursor(args.after);
  const channel = channelOf(context);
  const thread = isUuid(args.threadId) ? await context.em.findOne(Thread, args.threadId) : null;
  if (!thread || !accessFor(context, thread, args.trackingCode).read) throw new NotFoundError('Thread');
  await logStaffReads(context, [thread], 'threadEvents');
  return context.services.live.follow(
    channel,
    { kind: 'thread', threadId: thread.id, viewer: viewerOf(context), grant: context.grants.has(thread.id) },
    args.after ?? null,
  );
}

function inboxEvents({ args, context }: Data<{ unitId?: string | null; after?: string | null }>) {
  assertCursor(args.after);
  const channel = channelOf(context);
  const { viewer } = context;
  if (!viewer) throw new ForbiddenError('Sign in to follow an inbox.');
  if (args.unitId && !isUuid(args.unitId)) throw new BadUserInputError('unitId must be a unit id', 'unitId');
  if (!mayFollowInbox(viewer, args.unitId ?? null)) {
    throw new ForbiddenError("Officers follow their own unit's inbox; monitors and administrators follow any.");
  }
  return context.services.live.follow(channel, { kind: 'inbox', unitId: args.unitId ?? null }, args.after ?? null);
}

function boardEvents({ args, context }: Data<{ after?: string | null }>) {
  assertCursor(args.after);
  return context.services.live.follow(channelOf(context), { kind: 'board' }, args.after ?? null);
}

@Resolver()
export class ThreadEventsResolver {
  @Subscription(() => ThreadEvent, {
    description:
      'Everything that happens to one thread that the viewer may see, live; `after` replays what was missed.',
    subscribe: threadEvents,
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
