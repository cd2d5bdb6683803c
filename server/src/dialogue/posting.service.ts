import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { leanQuery, mapRows, type Row } from '../db/lean.js';
import type { User } from '../accounts/user.entity.js';
import type { Services } from '../shared/context.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../shared/errors.js';
import { publicSearchTextOf } from './personal-data.js';
import { keywordsOf } from '../language/index.js';
import { foldVietnamese } from '../shared/text.js';
import { Category } from '../units/category.entity.js';
import { Unit } from '../units/unit.entity.js';
import { AttachmentService } from './attachment.service.js';
import { EVENT_LOG_LOCK } from './event-log.js';
import { chooseRoute, type RuleCandidate } from './routing.js';
import { idempotencyOf, type Idempotency } from './post-idempotency.js';
import { Thread } from './thread.entity.js';
import { threadRow } from './thread-rows.js';
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

/**
 * What posting needs to know before it writes, in one statement: the category, the place and its
 * ancestors up to the root (place first), and the routing rules that could apply to them. A place
 * a reorganisation merged away is posted to (and routed as) the place that took it over: its
 * successors are followed while they have ended (units/unit-history.ts, `currentUnitOf`).
 */
const POSTING_FACTS = `with recursive successors as (
    select u.id, u.successor_id, u.valid_to, 0 as hops, array[u.id] as seen from units u where u.id = ?
    union all
    select n.id, n.successor_id, n.valid_to, s.hops + 1, s.seen || n.id
    from successors s join units n on n.id = s.successor_id
    where s.valid_to is not null and not n.id = any(s.seen)
  ),
  path as (
    select u.*, 0 as depth from units u where u.id = (select id from successors order by hops desc limit 1)
    union all
    select u.*, path.depth + 1 from units u join path on u.id = path.parent_id
  )
  select (select to_jsonb(c) from categories c where c.id = ?) as category,
    (select jsonb_agg(to_jsonb(path) - 'depth' order by depth) from path) as path,
    (select coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'categoryId', r.category_id, 'placeId', r.place_id,
       'unitId', r.unit_id)), '[]'::jsonb)
     from routing_rules r
     where (r.category_id is null or r.category_id = ?) and (r.place_id is null or r.place_id in (select id from path))
    ) as rules`;

const THREAD_COLUMNS = [
  'id',
  'kind',
  'title',
  'body',
  'category_id',
  'place_id',
  'unit_id',
  'author_id',
  'author_name',
  'tracking_code_hash',
  'idempotency_key',
  'idempotency_scope',
  'request_fingerprint',
  'is_public',
  'status',
  'acknowledge_due_at',
  'answer_due_at',
  'search_text',
  'public_search_text',
  'latitude',
  'longitude',
  'address',
  'tone',
  'tone_score',
  'tone_confidence',
  'tone_model',
  'created_at',
  'updated_at',
] as const;
/** The events' columns with the casts a VALUES list needs (its literals would otherwise be text). */
const EVENT_COLUMNS = {
  type: 'text',
  thread_id: 'uuid',
  actor_id: 'uuid',
  actor_name: 'text',
  from_status: 'text',
  to_status: 'text',
  to_unit_id: 'uuid',
  reason_code: 'text',
  reason_data: 'jsonb',
} as const;
type EventColumn = keyof typeof EVENT_COLUMNS;
const EVENT_NAMES = Object.keys(EVENT_COLUMNS) as EventColumn[];
const EVENT_ROW = EVENT_NAMES.map((column) => `?::${EVENT_COLUMNS[column]}`).join(', ');

/**
 * The post's write, as one statement (so one implicit transaction): the thread, then its POSTED and
 * ROUTED events under the event-log lock (event-log.ts: taken before the events' cursors are drawn,
 * held to commit), answered with the thread and the relations its payload shows.
 */
const POST_WRITE = `with t as (
    insert into threads (${THREAD_COLUMNS.join(', ')}, keywords)
    values (${THREAD_COLUMNS.map(() => '?').join(', ')}, array(select jsonb_array_elements_text(?::jsonb)))
    returning *
  ),
  lock as (select pg_advisory_xact_lock(?) as locked),
  events as (
    insert into thread_events (${EVENT_NAMES.join(', ')}, internal, created_at)
    select ${EVENT_NAMES.map((column) => `v.${column}`).join(', ')}, false, ?::timestamptz
    from (values (${EVENT_ROW}, 1), (${EVENT_ROW}, 2)) as v(${EVENT_NAMES.join(', ')}, position)
    cross join lock
    order by v.position
    returning id
  )
  select t.*, to_jsonb(c) as "category", to_jsonb(p) as "place", to_jsonb(u) as "unit", null as "escalatedTo",
    (select count(*) from events) as events
  from t join categories c on c.id = t.category_id join units p on p.id = t.place_id join units u on u.id = t.unit_id`;

/** A unique index refused the row: MikroORM's exception, or pg's own error from a lean statement. */
const isUniqueViolation = (error: unknown) =>
  error instanceof UniqueConstraintViolationException || (error as { code?: unknown } | null)?.code === '23505';

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
    const idempotency = idempotencyOf(input, author);
    const existing = await this.findRetry(idempotency);
    if (existing) return existing;
    if (clientIp !== undefined) await this.admit(viewer, clientIp);
    try {
      return await this.create(input, author, idempotency, viewer);
    } catch (error) {
      // Two retries raced: the loser returns what the winner created.
      const winner = isUniqueViolation(error) ? await this.findRetry(idempotency) : null;
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
    const thread = await threadRow(this.em, 't.idempotency_scope = ? and t.idempotency_key = ?', [
      idempotency.scope,
      idempotency.key,
    ]);
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
    const [facts] = await leanQuery(this.em, POSTING_FACTS, [input.placeId, input.categoryId, input.categoryId]);
    const category = facts?.category ? mapRows(this.em, Category, [facts.category as Row])[0]! : null;
    if (!category) throw new NotFoundError('Category');
    const path = mapRows(this.em, Unit, (facts?.path as Row[] | null) ?? []);
    const place = path[0];
    if (!place) throw new NotFoundError('Place');
    if (!place.isPlace) {
      throw new BadUserInputError('Choose the commune or village where it happens.', 'placeId');
    }
    const route = chooseRoute(
      facts!.rules as RuleCandidate[],
      { categoryId: category.id, placePath: path.map((unit) => unit.id) },
      path[path.length - 1]!.id,
    );
    const trackingCode = author ? null : this.services.trackingCodes.issue(idempotency.seed);
    const now = new Date();
    const text = `${input.title}. ${input.body}`;
    const tone = scoreTone(this.services.scorer, text);
    const authorName = author?.displayName ?? ANONYMOUS_NAME;
    const threadId = randomUUID();
    const values: Record<(typeof THREAD_COLUMNS)[number], unknown> = {
      id: threadId,
      kind: input.kind,
      title: input.title.trim(),
      body: input.body.trim(),
      category_id: category.id,
      place_id: place.id,
      unit_id: route.unitId,
      author_id: author?.id ?? null,
      author_name: authorName,
      tracking_code_hash: trackingCode ? TrackingCodes.hash(trackingCode) : null,
      idempotency_key: idempotency.key,
      idempotency_scope: idempotency.scope,
      request_fingerprint: idempotency.fingerprint,
      is_public: input.isPublic,
      status: ThreadStatus.ROUTED,
      acknowledge_due_at: this.services.calendar.addWorkingHours(now, category.acknowledgeWithinHours),
      answer_due_at: this.services.calendar.addWorkingHours(now, category.answerWithinHours),
      search_text: foldVietnamese(`${input.title} ${input.body}`),
      public_search_text: publicSearchTextOf(input.title, input.body),
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      address: input.address?.trim() || null,
      tone: tone.tone,
      tone_score: tone.toneScore,
      tone_confidence: tone.toneConfidence,
      tone_model: tone.toneModel,
      created_at: now,
      updated_at: now,
    };
    const posted: Record<EventColumn, unknown> = {
      type: ThreadEventType.POSTED,
      thread_id: threadId,
      actor_id: author?.id ?? null,
      actor_name: authorName,
      from_status: null,
      to_status: ThreadStatus.SUBMITTED,
      to_unit_id: null,
      reason_code: null,
      reason_data: null,
    };
    const routed: typeof posted = {
      type: ThreadEventType.ROUTED,
      thread_id: threadId,
      actor_id: null,
      actor_name: SYSTEM_NAME,
      from_status: ThreadStatus.SUBMITTED,
      to_status: ThreadStatus.ROUTED,
      to_unit_id: route.unitId,
      reason_code: route.reasonCode,
      reason_data: JSON.stringify(route.reasonParams),
    };
    const params = [
      ...THREAD_COLUMNS.map((column) => values[column]),
      JSON.stringify(keywordsOf(text)),
      EVENT_LOG_LOCK,
      now,
      ...EVENT_NAMES.map((column) => posted[column]),
      ...EVENT_NAMES.map((column) => routed[column]),
    ];
    const write = (em: EntityManager) => leanQuery(em, POST_WRITE, params);
    const attachmentIds = input.attachmentIds ?? [];
    // Files are claimed under row locks in the same transaction; without them, the one statement is it.
    const [row] =
      attachmentIds.length === 0
        ? await write(this.em)
        : await this.em.transactional(async (tx) => {
            const written = await write(tx);
            await AttachmentService.claim(tx, this.services, attachmentIds, viewer, tx.getReference(Thread, threadId));
            return written;
          });
    const thread = mapRows(this.em, Thread, [row!])[0]!;
    await this.services.bus.publish('threads', [
      { threadId, unitIds: [route.unitId], isPublic: thread.isPublic, internal: false },
      { threadId, unitIds: [route.unitId], isPublic: thread.isPublic, internal: false },
    ]);
    return { thread, trackingCode };
  }
}
