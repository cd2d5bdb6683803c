import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../accounts/user.entity.js';
import type { Services } from '../shared/context.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../shared/errors.js';
import { publicSearchTextOf } from './personal-data.js';
import { keywordsOf } from '../language/index.js';
import { foldVietnamese } from '../shared/text.js';
import { Category } from '../units/category.entity.js';
import { Unit } from '../units/unit.entity.js';
import { AttachmentService } from './attachment.service.js';
import { withEventLog } from './event-log.js';
import { chooseRoute } from './routing.js';
import { RoutingRule } from './routing-rule.entity.js';
import { idempotencyOf, type Idempotency } from './post-idempotency.js';
import { Thread } from './thread.entity.js';
import { ThreadContact } from './thread-contact.entity.js';
import { SYSTEM_NAME, ThreadEventType } from './thread-event.entity.js';
import { ThreadStatus } from './thread-status.js';
import type { PostFeedbackInput } from './thread.input.js';
import { scoreTone } from './tone.js';
import { TrackingCodes } from './tracking-code.js';

export const ANONYMOUS_NAME = 'Người dân ẩn danh';
export { SYSTEM_NAME } from './thread-event.entity.js';

export interface PostResult {
  thread: Thread;
  trackingCode: string | null;
}

/** Ids from the place up to the root of the unit tree. */
async function placePath(em: EntityManager, place: Unit): Promise<Unit[]> {
  const path: Unit[] = [place];
  let current = place;
  while (current.parent) {
    current = await em.findOneOrFail(Unit, current.parent.id);
    path.push(current);
  }
  return path;
}

export class PostingService {
  constructor(
    private readonly em: EntityManager,
    private readonly services: Services,
  ) {}

  /**
   * `clientIp` is given for requests (the rate limits apply), left out by the demo seed. A retry
   * (same poster, same key, same request) returns what the first call created and counts nothing.
   */
  async post(input: PostFeedbackInput, viewer: User | null, clientIp?: string): Promise<PostResult> {
    const author = input.anonymous ? null : viewer;
    if (author && input.contactEmail) {
      throw new BadUserInputError(
        'contactEmail is for anonymous posts: your account’s address is used.',
        'contactEmail',
      );
    }
    const idempotency = idempotencyOf(input, author);
    const existing = await this.findRetry(idempotency);
    if (existing) return existing;
    if (clientIp !== undefined) await this.admit(viewer, clientIp);
    try {
      return await this.create(input, author, idempotency, viewer);
    } catch (error) {
      // Two retries raced: the loser returns what the winner created.
      const winner = error instanceof UniqueConstraintViolationException ? await this.findRetry(idempotency) : null;
      if (winner) return winner;
      throw error;
    }
  }

  private async admit(viewer: User | null, clientIp: string): Promise<void> {
    const { limits } = this.services;
    if (viewer) await limits.consume('accountPosts', viewer.id);
    else await limits.consume('anonymousPosts', clientIp);
    await limits.consume('addressPosts', clientIp);
  }

  /**
   * Only the poster's own scope is searched, so a key used by someone else is never seen: the
   * answer is the same whether or not it exists elsewhere. In one's own scope, a key reused for a
   * different request is CONFLICT.
   */
  private async findRetry(idempotency: Idempotency): Promise<PostResult | null> {
    const thread = await this.em.findOne(
      Thread,
      { idempotencyScope: idempotency.scope, idempotencyKey: idempotency.key },
      { populate: ['category', 'place', 'unit'] },
    );
    if (!thread) return null;
    if (thread.requestFingerprint !== idempotency.fingerprint) {
      throw new ConflictError('This idempotency key was already used for a different post.', 'idempotencyKey');
    }
    return { thread, trackingCode: thread.author ? null : this.services.trackingCodes.issue(idempotency.seed) };
  }

  /** `viewer` is who sends the post (its uploads are theirs), even when it is posted anonymously. */
  private async create(
    input: PostFeedbackInput,
    author: User | null,
    idempotency: Idempotency,
    viewer: User | null,
  ): Promise<PostResult> {
    if ((input.latitude == null) !== (input.longitude == null)) {
      throw new BadUserInputError('Give both latitude and longitude, or neither.', 'latitude');
    }
    const category = await this.em.findOne(Category, input.categoryId);
    if (!category) throw new NotFoundError('Category');
    const place = await this.em.findOne(Unit, input.placeId);
    if (!place) throw new NotFoundError('Place');
    if (!place.isPlace) {
      throw new BadUserInputError('Choose the commune or village where it happens.', 'placeId');
    }
    const path = await placePath(this.em, place);
    const rules = await this.em.find(RoutingRule, {});
    const route = chooseRoute(
      rules.map((rule) => ({
        id: rule.id,
        categoryId: rule.category?.id ?? null,
        placeId: rule.place?.id ?? null,
        unitId: rule.unit.id,
      })),
      { categoryId: category.id, placePath: path.map((unit) => unit.id) },
      path[path.length - 1]!.id,
    );
    const trackingCode = author ? null : this.services.trackingCodes.issue(idempotency.seed);
    const now = new Date();
    const text = `${input.title}. ${input.body}`;
    const tone = scoreTone(this.services.scorer, text);
    const keywords = keywordsOf(text);

    const thread = await withEventLog(this.em, this.services.bus, async (tx, events) => {
      const unit = await tx.findOneOrFail(Unit, route.unitId);
      const thread = tx.create(Thread, {
        kind: input.kind,
        title: input.title.trim(),
        body: input.body.trim(),
        category,
        place,
        unit,
        author: author ?? undefined,
        authorName: author?.displayName ?? ANONYMOUS_NAME,
        trackingCodeHash: trackingCode ? TrackingCodes.hash(trackingCode) : undefined,
        idempotencyKey: idempotency.key,
        idempotencyScope: idempotency.scope,
        requestFingerprint: idempotency.fingerprint,
        isPublic: input.isPublic,
        status: ThreadStatus.ROUTED,
        acknowledgeDueAt: this.services.calendar.addWorkingHours(now, category.acknowledgeWithinHours),
        answerDueAt: this.services.calendar.addWorkingHours(now, category.answerWithinHours),
        searchText: foldVietnamese(`${input.title} ${input.body}`),
        publicSearchText: publicSearchTextOf(input.title, input.body),
        latitude: input.latitude ?? undefined,
        longitude: input.longitude ?? undefined,
        address: input.address?.trim() || undefined,
        ...tone,
        keywords,
        createdAt: now,
      });
      if (!author && input.contactEmail) {
        tx.create(ThreadContact, {
          thread,
          email: input.contactEmail.trim().toLowerCase(),
          language: input.contactLanguage ?? 'vi',
        });
      }
      events.record(thread, {
        type: ThreadEventType.POSTED,
        actor: author ?? undefined,
        actorName: thread.authorName,
        toStatus: ThreadStatus.SUBMITTED,
      });
      await AttachmentService.claim(tx, this.services, input.attachmentIds ?? [], viewer, thread);
      events.record(thread, {
        type: ThreadEventType.ROUTED,
        actorName: SYSTEM_NAME,
        fromStatus: ThreadStatus.SUBMITTED,
        toStatus: ThreadStatus.ROUTED,
        toUnit: unit,
        reasonCode: route.reasonCode,
        reasonData: route.reasonParams,
      });
      return thread;
    });
    return { thread, trackingCode };
  }
}
