import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../accounts/user.entity.js';
import { Tone } from './tone.js';
import { Category } from '../units/category.entity.js';
import { Unit } from '../units/unit.entity.js';
import { URGENCY_RANK_SQL, URGENT_AT_SQL } from './deadline.js';
import { FeedbackKind } from './feedback-kind.js';
import { ThreadStatus } from './thread-status.js';

@ObjectType({ description: 'A feedback thread (luồng đối thoại): a post and the dialogue that answers it.' })
@Entity({ tableName: 'threads' })
@Index({ properties: ['createdAt', 'id'] })
@Index({ properties: ['unit', 'status'] })
@Unique({ name: 'threads_idempotency_scope_key_unique', properties: ['idempotencyScope', 'idempotencyKey'] })
// Declared here so that schema diffs keep them; written by hand in the dialogue migration.
@Index({
  name: 'threads_search_text_trgm',
  expression: 'create index "threads_search_text_trgm" on "threads" using gin ("search_text" gin_trgm_ops)',
})
@Index({
  name: 'threads_public_search_text_trgm',
  expression:
    'create index "threads_public_search_text_trgm" on "threads" using gin ("public_search_text" gin_trgm_ops)',
})
@Index({
  name: 'threads_acknowledge_due_open',
  expression:
    'create index "threads_acknowledge_due_open" on "threads" ("acknowledge_due_at") where "acknowledged_at" is null and "acknowledge_overdue_at" is null',
})
@Index({
  name: 'threads_keywords_gin',
  expression: 'create index "threads_keywords_gin" on "threads" using gin ("keywords")',
})
@Index({
  name: 'threads_negative_open',
  expression: `create index "threads_negative_open" on "threads" ("tone_score", "created_at") where "tone" = 'NEGATIVE' and "status" in ('ROUTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED')`,
})
// Lets the dashboard's counts over a period read the index alone (tone, field, place, kind, unit).
@Index({
  name: 'threads_created_covering',
  expression:
    'create index "threads_created_covering" on "threads" ("created_at") include ("tone", "category_id", "place_id", "kind", "unit_id")',
})
// The dashboard's overdue table: open overdue threads, earliest deadline first.
@Index({
  name: 'threads_overdue_open',
  expression: `create index "threads_overdue_open" on "threads" (least("acknowledge_due_at", "answer_due_at")) where "status" in ('ROUTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED') and ("acknowledge_overdue_at" is not null or "answer_overdue_at" is not null)`,
})
@Index({ properties: ['category', 'createdAt'] })
@Index({ properties: ['place', 'createdAt'] })
@Index({
  name: 'threads_answer_due_open',
  expression:
    'create index "threads_answer_due_open" on "threads" ("answer_due_at") where "answered_at" is null and "answer_overdue_at" is null',
})
// The lists' keyset orders (thread-query.service.ts ORDERS): each order, alone or after an equality
// filter, walks one of these and stops after the page (and the capped count after 1,001 entries).
// The plans they serve are listed next to the query in thread-query.service.ts. The unit indexes
// carry the visibility predicate's columns so that the inbox's capped count reads the index alone.
@Index({
  name: 'threads_public_created',
  expression: 'create index "threads_public_created" on "threads" ("created_at", "id") where "is_public"',
})
@Index({
  name: 'threads_unit_urgency',
  expression:
    'create index "threads_unit_urgency" on "threads" ("unit_id", "urgency_rank", "urgent_at", "id") include ("is_public", "author_id", "escalated_to_id")',
})
@Index({
  name: 'threads_unit_created',
  expression:
    'create index "threads_unit_created" on "threads" ("unit_id", "created_at", "id") include ("is_public", "author_id", "escalated_to_id")',
})
@Index({
  name: 'threads_urgency',
  expression: 'create index "threads_urgency" on "threads" ("urgency_rank", "urgent_at", "id")',
})
@Index({
  name: 'threads_supported',
  expression: 'create index "threads_supported" on "threads" ("support_count", "created_at", "id")',
})
export class Thread {
  [OptionalProps]?:
    | 'status'
    | 'supportCount'
    | 'createdAt'
    | 'updatedAt'
    | 'overdue'
    | 'keywords'
    | 'reopenCount'
    | 'urgencyRank'
    | 'urgentAt'
    | 'publicSearchText';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => FeedbackKind, { description: 'What kind of post this is.' })
  @Enum({ items: () => FeedbackKind, type: 'string' })
  kind!: FeedbackKind;

  @Field(() => String, { description: 'Short title; personal data masked unless you wrote it or work the thread.' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String, {
    description:
      'What the citizen wrote; phone numbers, e-mail addresses and ID numbers are masked ("09xx xxx 678") unless you wrote it or work the thread.',
  })
  @Property({ type: 'text' })
  body!: string;

  @Field(() => Category, { description: 'Field (lĩnh vực) of the matter.' })
  @ManyToOne(() => Category, { deleteRule: 'restrict' })
  category!: Category;

  @Field(() => Unit, { description: 'Where it happens: a commune or village.' })
  @ManyToOne(() => Unit, { deleteRule: 'restrict' })
  place!: Unit;

  @Field(() => Unit, { description: 'The unit responsible for answering now.' })
  @ManyToOne(() => Unit, { deleteRule: 'restrict' })
  unit!: Unit;

  @Field(() => Unit, { nullable: true, description: 'The unit the thread was escalated to when it became overdue.' })
  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  escalatedTo?: Unit;

  /** The thread this one repeats, when an officer closed it as a duplicate (GraphQL: ThreadResolver.duplicateOf). */
  @ManyToOne(() => Thread, { nullable: true, deleteRule: 'set null' })
  duplicateOf?: Thread;

  @Index()
  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' })
  author?: User;

  /** The officer of the unit working it; staff only (Thread.assignee), cleared by a transfer. */
  @Index()
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  assignee?: User;

  @Field(() => String, { description: 'Name shown for the author; anonymous posts show "Người dân ẩn danh".' })
  @Property({ type: 'string', length: 100 })
  authorName!: string;

  /** SHA-256 of the anonymous poster's tracking code; the code itself is never stored. */
  @Property({ type: 'string', length: 64, nullable: true, unique: true, hidden: true })
  trackingCodeHash?: string;

  /** The client's key for retries; unique within its scope only (see post-idempotency.ts). */
  @Property({ type: 'string', length: 100, nullable: true, hidden: true })
  idempotencyKey?: string;

  /** Whose key it is: `account:<id>`, or for an anonymous post `anonymous:<request fingerprint>`. */
  @Property({ type: 'string', length: 100, nullable: true, hidden: true })
  idempotencyScope?: string;

  /** SHA-256 of the post as first sent: a retry must send the same. */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true })
  requestFingerprint?: string;

  @Field(() => Boolean, { description: 'Public threads are on the board for everyone to read.' })
  @Property({ type: 'boolean' })
  isPublic!: boolean;

  @Field(() => ThreadStatus, { description: 'Where the thread stands.' })
  @Enum({ items: () => ThreadStatus, type: 'string' })
  status: ThreadStatus = ThreadStatus.SUBMITTED;

  @Field(() => Date, { description: 'The unit must acknowledge by then.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  acknowledgeDueAt!: Date;

  @Field(() => Date, { description: 'The unit must answer by then.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  answerDueAt!: Date;

  /** Inbox order, computed by PostgreSQL from the status and deadlines (see deadline.ts). */
  @Property({ type: 'smallint', generated: `(${URGENCY_RANK_SQL}) stored`, hidden: true })
  urgencyRank!: number;

  @Property({ type: 'Date', columnType: 'timestamptz', generated: `(${URGENT_AT_SQL}) stored`, hidden: true })
  urgentAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the unit acknowledged it.' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  acknowledgedAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When the unit first replied in the thread.' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  firstReplyAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When the unit last marked it answered.' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  answeredAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When it was resolved.' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  resolvedAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When it was found past its acknowledgement deadline.' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  acknowledgeOverdueAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When it was found past its answer deadline.' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  answerOverdueAt?: Date;

  @Field(() => Int, { description: 'How many citizens support it (+1).' })
  @Property({ type: 'integer' })
  supportCount: number = 0;

  @Field(() => Int, { description: 'How many times the citizen reopened it.' })
  @Property({ type: 'integer', default: 0 })
  reopenCount: number = 0;

  @Field(() => Int, {
    nullable: true,
    description:
      "The citizen's rating of the answer, 1 to 5; cleared when they reopen the thread, so they rate the next answer.",
  })
  @Property({ type: 'smallint', nullable: true })
  rating?: number;

  @Field(() => String, { nullable: true, description: "The citizen's comment on the answer." })
  @Property({ type: 'text', nullable: true })
  ratingComment?: string;

  @Field(() => Tone, { nullable: true, description: 'Tone of the text (citizen writing only), scored when written.' })
  @Enum({ items: () => Tone, type: 'string', nullable: true })
  tone?: Tone;

  @Field(() => Float, {
    nullable: true,
    description: 'Tone score from -1 to 1: the probability of positive minus the probability of negative.',
  })
  @Property({ type: 'double', nullable: true })
  toneScore?: number;

  /** The scorer's calibrated probability of `tone`: low for texts it barely understands. */
  @Property({ type: 'double', nullable: true, hidden: true })
  toneConfidence?: number;

  /** Which scorer gave the tone, as `id@version` (`tone-logreg@2026-11-29`, `rules@1`). */
  @Property({ type: 'text', nullable: true, hidden: true })
  toneModel?: string;

  /** Words and two-word phrases of the title and body, without stop words, for the rising-words panel. */
  @Property({ type: 'text[]', hidden: true, defaultRaw: `'{}'` })
  keywords: string[] = [];

  @Field(() => Float, { nullable: true, description: 'Latitude (WGS 84) of the place on the map, when given.' })
  @Property({ type: 'double', nullable: true })
  latitude?: number;

  @Field(() => Float, { nullable: true, description: 'Longitude (WGS 84) of the place on the map, when given.' })
  @Property({ type: 'double', nullable: true })
  longitude?: number;

  @Field(() => String, { nullable: true, description: 'Where, in the poster’s words.' })
  @Property({ type: 'string', length: 300, nullable: true })
  address?: string;

  /** Title and body folded (no diacritics, lower case) for search. */
  @Property({ type: 'text', hidden: true })
  searchText!: string;

  /** Title and body with personal data masked, then folded: what searches without rights look in. */
  @Property({ type: 'text', hidden: true, default: '' })
  publicSearchText!: string;

  @Field(() => Date, { description: 'When it was posted.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When it last changed.' })
  @Property({ type: 'Date', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Boolean, { description: 'Past a deadline and not yet acknowledged or answered in time.' })
  get overdue(): boolean {
    return Boolean(this.acknowledgeOverdueAt ?? this.answerOverdueAt);
  }
}

/** The relations a thread is shown with (lists, pages, dashboards): loaded in one joined query. */
export const THREAD_RELATIONS = ['category', 'place', 'unit', 'escalatedTo'] as const;
