import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../shared/context.js';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
} from '../shared/errors.js';
import { Unit } from '../units/unit.entity.js';
import { assertCurrentUnit } from '../units/unit-history.js';
import { AttachmentService } from './attachment.service.js';
import { withEventLog } from './event-log.js';
import { Message } from './message.entity.js';
import { Support } from './support.entity.js';
import { NO_ACCESS, scopeOf, threadAccess, type ThreadAccess } from './thread-access.js';
import { Thread, THREAD_RELATIONS } from './thread.entity.js';
import { ThreadEventType } from './thread-event.entity.js';
import { acceptsMessages, isRateable, isSupportable, isTransferable, mayWrite } from './thread-permissions.js';
import { checkTransition, ThreadStatus } from './thread-status.js';
import type { ChangeStatusInput, MarkDuplicateInput, RateInput, ReplyInput, TransferInput } from './thread.input.js';
import { ReasonCode } from './event-reason.js';
import { maskPersonalData } from '../shared/personal-data.js';
import { scoreTone } from './tone.js';
import { speakerFor } from './thread-speaker.js';
import { noteTrackingCodeMiss } from './tracking-code-limits.js';
import { TrackingCodes } from './tracking-code.js';

/** The viewer's rights on a thread; a matching tracking code makes them its author for this operation. */
export function accessFor(ctx: Context, thread: Thread, trackingCode?: string | null): ThreadAccess {
  if (trackingCode && thread.trackingCodeHash && TrackingCodes.hash(trackingCode) === thread.trackingCodeHash) {
    ctx.grants.add(thread.id);
  } else if (trackingCode) noteTrackingCodeMiss(ctx);
  return threadAccess(scopeOf(thread), ctx.viewer, ctx.grants.has(thread.id));
}

/** Replies, status moves, transfers, ratings and support: each one transaction with its events. */
export class ThreadService {
  constructor(private readonly ctx: Context) {}

  /** Locks the thread row for the rest of the transaction: concurrent changes queue up. */
  async lockThread(tx: EntityManager, threadId: string, trackingCode?: string | null) {
    await tx.execute('select id from threads where id = ? for update', [threadId]);
    const thread = await tx.findOne(Thread, threadId, { populate: [...THREAD_RELATIONS], refresh: true });
    const access = thread ? accessFor(this.ctx, thread, trackingCode) : NO_ACCESS;
    if (!thread || !access.read) throw new NotFoundError('Thread');
    return { thread, access };
  }

  async reply(input: ReplyInput): Promise<Message> {
    const { viewer, services } = this.ctx;
    await services.limits.consume('replies', viewer ? `account:${viewer.id}` : `address:${this.ctx.clientIp}`);
    // Scored before the transaction: the thread row stays locked only for the writes. Officers'
    // replies are not scored; who writes as an officer is known only under the lock.
    const tone = input.internal ? null : scoreTone(services.scorer, input.body);
    return withEventLog(this.ctx.em, services.bus, async (tx, events) => {
      const { thread, access } = await this.lockThread(tx, input.threadId, input.trackingCode);
      if (!mayWrite(access, input.internal)) {
        throw new ForbiddenError(
          input.internal
            ? 'Only officers of the responsible unit write internal notes.'
            : 'Only the author and the responsible unit write in this thread.',
        );
      }
      if (!acceptsMessages(thread.status)) {
        throw new BadUserInputError('This thread is closed.', 'threadId');
      }
      const asOfficer = access.officer;
      const speaker = speakerFor(thread, viewer, !asOfficer);
      const message = tx.create(Message, {
        thread,
        author: speaker.account,
        authorName: speaker.name,
        unit: asOfficer ? thread.unit : undefined,
        body: input.body.trim(),
        internal: input.internal,
        ...(asOfficer || !tone ? {} : tone),
      });
      await AttachmentService.claim(tx, services, input.attachmentIds ?? [], viewer, thread, message);
      if (asOfficer && !input.internal && !thread.firstReplyAt) thread.firstReplyAt = message.createdAt;
      events.record(thread, {
        type: input.internal ? ThreadEventType.INTERNAL_NOTE : ThreadEventType.MESSAGE,
        actor: speaker.account,
        actorName: message.authorName,
        internal: input.internal,
        message,
      });
      return message;
    });
  }

  changeStatus(input: ChangeStatusInput): Promise<Thread> {
    return withEventLog(this.ctx.em, this.ctx.services.bus, async (tx, events) => {
      const { thread, access } = await this.lockThread(tx, input.threadId, input.trackingCode);
      const mover =
        input.status === ThreadStatus.REOPENED ? (access.author ? 'AUTHOR' : null) : access.officer ? 'OFFICER' : null;
      const check = checkTransition(thread.status, input.status, mover ?? 'AUTHOR', input.reason);
      if (check === 'illegal') throw new InvalidTransitionError(thread.status, input.status);
      if (check === 'not-yours' || mover === null) {
        throw new ForbiddenError('Only the responsible unit moves this thread; only its author reopens it.');
      }
      if (check === 'reason-required') throw new BadUserInputError('Give a reason for this move.', 'reason');
      const from = thread.status;
      const now = new Date();
      thread.status = input.status;
      if (input.status === ThreadStatus.ACKNOWLEDGED) thread.acknowledgedAt = now;
      if (input.status === ThreadStatus.ANSWERED) thread.answeredAt = now;
      if (input.status === ThreadStatus.RESOLVED) thread.resolvedAt = now;
      if (input.status === ThreadStatus.REOPENED) {
        thread.reopenCount += 1;
        // The rating judged the answer the citizen just reopened: they rate the next one afresh
        // (the RATED event stays in the log).
        thread.rating = undefined;
        thread.ratingComment = undefined;
      }
      const speaker = speakerFor(thread, this.ctx.viewer, mover === 'AUTHOR');
      events.record(thread, {
        type: ThreadEventType.STATUS_CHANGED,
        actor: speaker.account,
        actorName: speaker.name,
        fromStatus: from,
        toStatus: input.status,
        reason: input.reason?.trim() || undefined,
      });
      return thread;
    });
  }

  transfer(input: TransferInput): Promise<Thread> {
    const { viewer } = this.ctx;
    return withEventLog(this.ctx.em, this.ctx.services.bus, async (tx, events) => {
      const { thread, access } = await this.lockThread(tx, input.threadId);
      if (!access.transfer) {
        throw new ForbiddenError('Only the responsible unit or an administrator transfers a thread.');
      }
      if (!isTransferable(thread.status)) throw new InvalidTransitionError(thread.status, ThreadStatus.ROUTED);
      const target = await tx.findOne(Unit, input.unitId);
      if (!target) throw new NotFoundError('Unit');
      assertCurrentUnit(target, 'unitId');
      if (target.id === thread.unit.id) throw new BadUserInputError('The thread is already with this unit.', 'unitId');
      const from = { unit: thread.unit, status: thread.status };
      const now = new Date();
      thread.unit = target;
      thread.status = ThreadStatus.ROUTED;
      thread.acknowledgedAt = undefined;
      thread.acknowledgeOverdueAt = undefined;
      thread.escalatedTo = undefined;
      // The new unit decides who works it: an officer of the old one cannot stay in charge.
      thread.assignee = undefined;
      thread.acknowledgeDueAt = this.ctx.services.calendar.addWorkingHours(now, thread.category.acknowledgeWithinHours);
      events.record(thread, {
        type: ThreadEventType.TRANSFERRED,
        actor: viewer ?? undefined,
        actorName: viewer!.displayName,
        fromUnit: from.unit,
        toUnit: target,
        fromStatus: from.status,
        toStatus: ThreadStatus.ROUTED,
        reason: input.reason.trim(),
      });
      return thread;
    });
  }

  /**
   * Closes a thread as a duplicate of a public one, by whoever may transfer it: a public DUPLICATE
   * event tells its author (the original's id and title in the reason), and `duplicateOf` links
   * their thread to the original. The original is not changed: nobody's support is counted for them.
   */
  markDuplicate(input: MarkDuplicateInput): Promise<Thread> {
    const viewer = this.ctx.viewer!;
    return withEventLog(this.ctx.em, this.ctx.services.bus, async (tx, events) => {
      if (input.threadId.toLowerCase() === input.originalId.toLowerCase()) {
        throw new BadUserInputError('A thread cannot be a duplicate of itself.', 'originalId');
      }
      const { thread, access } = await this.lockThread(tx, input.threadId);
      if (!access.transfer) {
        throw new ForbiddenError('Only the responsible unit or an administrator marks a thread as a duplicate.');
      }
      if (!isTransferable(thread.status)) throw new InvalidTransitionError(thread.status, ThreadStatus.CLOSED);
      const original = await tx.findOne(Thread, input.originalId, { populate: [...THREAD_RELATIONS] });
      if (!original || !accessFor(this.ctx, original).read) throw new NotFoundError('Thread');
      if (!original.isPublic) {
        throw new BadUserInputError(
          'The original must be a public thread, so that the author can follow it.',
          'originalId',
        );
      }
      if (original.duplicateOf) {
        throw new BadUserInputError('That thread is itself a duplicate: choose the one it repeats.', 'originalId');
      }
      const from = thread.status;
      thread.status = ThreadStatus.CLOSED;
      thread.duplicateOf = original;
      events.record(thread, {
        type: ThreadEventType.DUPLICATE,
        actor: viewer,
        actorName: viewer.displayName,
        fromStatus: from,
        toStatus: ThreadStatus.CLOSED,
        reasonCode: ReasonCode.DUPLICATE_OF,
        reasonData: { original: original.id, title: maskPersonalData(original.title) },
        reason: input.reason?.trim() || undefined,
      });
      return thread;
    });
  }

  rate(input: RateInput): Promise<Thread> {
    return withEventLog(this.ctx.em, this.ctx.services.bus, async (tx, events) => {
      const { thread, access } = await this.lockThread(tx, input.threadId, input.trackingCode);
      if (!access.author) throw new ForbiddenError('Only the author rates the answer.');
      if (!isRateable(thread.status)) {
        throw new BadUserInputError('A thread can be rated once it is resolved.', 'threadId');
      }
      if (thread.rating != null) throw new ConflictError('This thread has already been rated.');
      thread.rating = input.score;
      thread.ratingComment = input.comment?.trim() || undefined;
      const speaker = speakerFor(thread, this.ctx.viewer, true);
      events.record(thread, {
        type: ThreadEventType.RATED,
        actor: speaker.account,
        actorName: speaker.name,
        rating: input.score,
        reason: thread.ratingComment,
      });
      return thread;
    });
  }

  async support(threadId: string): Promise<Thread> {
    const viewer = this.ctx.viewer!;
    try {
      return await withEventLog(this.ctx.em, this.ctx.services.bus, async (tx, events) => {
        const { thread, access } = await this.lockThread(tx, threadId);
        if (!access.support) throw new ForbiddenError('Only signed-in citizens support a thread.');
        if (!isSupportable(thread)) {
          throw new BadUserInputError('Only public initiatives and petitions can be supported.', 'threadId');
        }
        tx.create(Support, { thread, user: viewer.id });
        thread.supportCount += 1;
        events.record(thread, { type: ThreadEventType.SUPPORTED, actor: viewer, actorName: viewer.displayName });
        return thread;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new ConflictError('You already support this thread.');
      }
      throw error;
    }
  }
}
