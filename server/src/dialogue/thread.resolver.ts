import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../accounts/role.js';
import type { Context } from '../shared/context.js';
import { BadUserInputError } from '../shared/errors.js';
import { Message } from './message.entity.js';
import { PostingService } from './posting.service.js';
import { ThreadEvent } from './thread-event.entity.js';
import { ThreadQueryService } from './thread-query.service.js';
import { isSupportable, movesFor, threadPermissions } from './thread-permissions.js';
import { ThreadStatus } from './thread-status.js';
import { Thread, THREAD_RELATIONS } from './thread.entity.js';
import { checkConsent, ConsentOccasion, recordConsent } from '../accounts/consent.js';
import {
  ChangeStatusInput,
  MarkDuplicateInput,
  PostFeedbackInput,
  RateInput,
  ReplyInput,
  TransferInput,
} from './thread.input.js';
import { accessFor, ThreadService } from './thread.service.js';
import { PostFeedbackPayload, ThreadConnection, ThreadFilter, ThreadOrder, ThreadPermissions } from './thread.type.js';
import { isUuid } from '../shared/ids.js';
import { similarThreads } from './similar-threads.js';

const TRACKING_CODE = { nullable: true, description: 'Tracking code of an anonymous post, instead of signing in.' };

@Resolver(() => Thread)
export class ThreadResolver {
  @Query(() => Thread, { description: 'One thread; NOT_FOUND when it does not exist or is not yours to read.' })
  thread(
    @Arg('id', () => ID, { description: 'Id of the thread.' }) id: string,
    @Arg('trackingCode', () => String, TRACKING_CODE) trackingCode: string | null,
    @Ctx() ctx: Context,
  ): Promise<Thread> {
    return new ThreadQueryService(ctx).thread(id, trackingCode);
  }

  @Query(() => Thread, {
    description:
      'The thread a tracking code opens, for an anonymous poster who kept only the code; NOT_FOUND otherwise.',
  })
  threadByTrackingCode(
    @Arg('trackingCode', () => String, { description: 'The code shown when the thread was posted.' })
    trackingCode: string,
    @Ctx() ctx: Context,
  ): Promise<Thread> {
    if (trackingCode.length > 40) throw new BadUserInputError('trackingCode is too long.', 'trackingCode');
    return new ThreadQueryService(ctx).byTrackingCode(trackingCode);
  }

  @Query(() => ThreadConnection, {
    description: 'Threads the viewer may read: the public board, own threads, a unit inbox.',
  })
  threads(
    @Arg('filter', () => ThreadFilter, { nullable: true, description: 'Conditions; none lists everything readable.' })
    filter: ThreadFilter | null,
    @Arg('orderBy', () => ThreadOrder, { defaultValue: ThreadOrder.NEWEST, description: 'Sort order.' })
    orderBy: ThreadOrder,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' })
    after: string | null,
    @Ctx() ctx: Context,
  ): Promise<ThreadConnection> {
    if (first < 1 || first > 100) throw new BadUserInputError('first must be from 1 to 100.', 'first');
    return new ThreadQueryService(ctx).threads(filter ?? {}, orderBy, first, after);
  }

  @Query(() => [Thread], {
    description:
      'Open public threads like a title being typed, in the same commune (or its villages) or pinned nearby, most similar first: support or follow one instead of posting it again.',
  })
  similarThreads(
    @Arg('title', () => String, { description: 'The title typed so far (at least 3 letters).' }) title: string,
    @Arg('placeId', () => ID, { nullable: true, description: 'The place chosen for the post.' }) placeId: string | null,
    @Arg('latitude', () => Float, { nullable: true, description: 'Latitude of the pin, if any.' })
    latitude: number | null,
    @Arg('longitude', () => Float, { nullable: true, description: 'Longitude of the pin, if any.' })
    longitude: number | null,
    @Arg('first', () => Int, { defaultValue: 5, description: 'How many, 1 to 20.' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<Thread[]> {
    if (title.length > 200) throw new BadUserInputError('title is too long.', 'title');
    if (first < 1 || first > 20) throw new BadUserInputError('first must be from 1 to 20.', 'first');
    if (placeId != null && !isUuid(placeId)) throw new BadUserInputError('placeId must be a unit id.', 'placeId');
    if ((latitude == null) !== (longitude == null) || (latitude != null && Math.abs(latitude) > 90)) {
      throw new BadUserInputError('Give a valid latitude and longitude together, or neither.', 'latitude');
    }
    return similarThreads(ctx.em, { title, placeId, latitude, longitude, first });
  }

  @Mutation(() => PostFeedbackPayload, {
    description:
      'Post feedback, signed in or anonymously; it is routed at once. Retrying the same post with the same idempotencyKey returns the same thread; the same key with a different post is CONFLICT.',
  })
  async postFeedback(
    @Arg('input', () => PostFeedbackInput, { description: 'The post.' }) input: PostFeedbackInput,
    @Ctx() ctx: Context,
  ): Promise<PostFeedbackPayload> {
    const agreesNow = checkConsent(input.consentVersion, ctx.viewer);
    if (agreesNow && ctx.viewer) {
      await recordConsent(ctx.em, ConsentOccasion.POST, { user: ctx.viewer });
      await ctx.em.flush();
    }
    const result = await new PostingService(ctx.em, ctx.services).post(input, ctx.viewer, ctx.clientIp);
    if (agreesNow && !ctx.viewer) await recordConsent(ctx.em, ConsentOccasion.POST, { threadId: result.thread.id });
    if (result.trackingCode) ctx.grants.add(result.thread.id);
    return result;
  }

  @Mutation(() => Message, {
    description: 'Write in a thread: the author answers back, the unit replies or adds an internal note.',
  })
  replyToThread(
    @Arg('input', () => ReplyInput, { description: 'The message.' }) input: ReplyInput,
    @Ctx() ctx: Context,
  ) {
    return new ThreadService(ctx).reply(input);
  }

  @Mutation(() => Thread, {
    description: 'Move a thread through its statuses; an illegal move gives INVALID_TRANSITION and changes nothing.',
  })
  changeThreadStatus(
    @Arg('input', () => ChangeStatusInput, { description: 'The move.' }) input: ChangeStatusInput,
    @Ctx() ctx: Context,
  ): Promise<Thread> {
    return new ThreadService(ctx).changeStatus(input);
  }

  @Authorized(Role.OFFICER, Role.ADMIN)
  @Mutation(() => Thread, {
    description: 'Hand a thread to another unit, with a reason; the new unit must acknowledge it.',
  })
  transferThread(
    @Arg('input', () => TransferInput, { description: 'The transfer.' }) input: TransferInput,
    @Ctx() ctx: Context,
  ): Promise<Thread> {
    return new ThreadService(ctx).transfer(input);
  }

  @Authorized(Role.OFFICER, Role.ADMIN)
  @Mutation(() => Thread, {
    description:
      'Close an open thread as a duplicate of a public one (see viewerCan.markDuplicate); its author sees a DUPLICATE event with a link to the original.',
  })
  markThreadDuplicate(
    @Arg('input', () => MarkDuplicateInput, { description: 'The duplicate and its original.' })
    input: MarkDuplicateInput,
    @Ctx() ctx: Context,
  ): Promise<Thread> {
    return new ThreadService(ctx).markDuplicate(input);
  }

  @FieldResolver(() => Thread, {
    nullable: true,
    description:
      'The thread this one repeats, when an officer closed it as a duplicate; null otherwise (or when you may not read that one).',
  })
  async duplicateOf(@Root() thread: Thread, @Ctx() ctx: Context): Promise<Thread | null> {
    if (!thread.duplicateOf) return null;
    const original = await ctx.em.findOne(Thread, thread.duplicateOf.id, { populate: [...THREAD_RELATIONS] });
    return original && accessFor(ctx, original).read ? original : null;
  }

  @Mutation(() => Thread, { description: 'Rate the answer of a resolved thread, once.' })
  rateThread(@Arg('input', () => RateInput, { description: 'The rating.' }) input: RateInput, @Ctx() ctx: Context) {
    return new ThreadService(ctx).rate(input);
  }

  @Authorized(Role.CITIZEN)
  @Mutation(() => Thread, { description: 'Support (+1) a public initiative or petition, once per citizen.' })
  supportThread(@Arg('threadId', () => ID, { description: 'The thread.' }) threadId: string, @Ctx() ctx: Context) {
    if (!isUuid(threadId)) throw new BadUserInputError('threadId must be a thread id', 'threadId');
    return new ThreadService(ctx).support(threadId);
  }

  @FieldResolver(() => [Message], { description: 'The messages the viewer may read, oldest first.' })
  messages(@Root() thread: Thread, @Ctx() ctx: Context): Promise<Message[]> {
    return new ThreadQueryService(ctx).messages(thread);
  }

  @FieldResolver(() => [ThreadEvent], { description: 'The events the viewer may read, oldest first: the timeline.' })
  events(
    @Root() thread: Thread,
    @Arg('after', () => String, { nullable: true, description: 'Only events after this cursor.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<ThreadEvent[]> {
    return new ThreadQueryService(ctx).events(thread, after);
  }

  @FieldResolver(() => ThreadPermissions, {
    description: 'What the viewer may do with this thread now; clients render their actions from it.',
  })
  viewerCan(@Root() thread: Thread, @Ctx() ctx: Context): ThreadPermissions {
    return threadPermissions(thread, accessFor(ctx, thread));
  }

  @FieldResolver(() => [ThreadStatus], {
    description: 'The statuses the viewer may move this thread to now.',
    deprecationReason: 'Use viewerCan.move, which also says which moves need a reason.',
  })
  allowedMoves(@Root() thread: Thread, @Ctx() ctx: Context): ThreadStatus[] {
    return movesFor(thread.status, accessFor(ctx, thread)).map((move) => move.to);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the thread takes supports: a public initiative or petition (see viewerCan.support).',
  })
  supportable(@Root() thread: Thread): boolean {
    return isSupportable(thread);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer posted this thread or holds its tracking code.' })
  viewerIsAuthor(@Root() thread: Thread, @Ctx() ctx: Context): boolean {
    return accessFor(ctx, thread).author;
  }
}
