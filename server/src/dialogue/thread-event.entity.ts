import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../accounts/user.entity.js';
import { Unit } from '../units/unit.entity.js';
import { Message } from './message.entity.js';
import { Thread } from './thread.entity.js';
import { ThreadStatus } from './thread-status.js';

export enum ThreadEventType {
  POSTED = 'POSTED',
  ROUTED = 'ROUTED',
  MESSAGE = 'MESSAGE',
  INTERNAL_NOTE = 'INTERNAL_NOTE',
  STATUS_CHANGED = 'STATUS_CHANGED',
  TRANSFERRED = 'TRANSFERRED',
  OVERDUE = 'OVERDUE',
  ESCALATED = 'ESCALATED',
  SUPPORTED = 'SUPPORTED',
  RATED = 'RATED',
}

registerEnumType(ThreadEventType, {
  name: 'ThreadEventType',
  description: 'What happened to a thread.',
  valuesConfig: {
    POSTED: { description: 'A citizen posted the thread.' },
    ROUTED: { description: 'The thread was routed to a unit; `reason` says by which rule.' },
    MESSAGE: { description: 'A reply or an answer back; see `message`.' },
    INTERNAL_NOTE: { description: 'A staff-only note; see `message`. Never sent to citizens.' },
    STATUS_CHANGED: { description: 'The status moved from `fromStatus` to `toStatus`.' },
    TRANSFERRED: { description: 'The thread moved from `fromUnit` to `toUnit`, with a reason.' },
    OVERDUE: { description: 'A deadline passed; `reason` says which.' },
    ESCALATED: { description: 'The overdue thread was escalated to `toUnit` and the monitors.' },
    SUPPORTED: { description: 'A citizen supported the thread (+1).' },
    RATED: { description: 'The citizen rated the answer; see `rating`.' },
  },
});

@ObjectType({ description: 'One named value of a reason code, such as the decision a reorganisation applied.' })
export class ReasonParam {
  @Field(() => String, { description: 'Name of the value, such as "decisionReference".' })
  name!: string;

  @Field(() => String, { description: 'The value, as text.' })
  value!: string;
}

/** One row of the append-only event log; its id is the cursor clients resume from. */
@ObjectType({ description: 'Something that happened to a thread, in the order it happened.' })
@Entity({ tableName: 'thread_events' })
@Index({ properties: ['thread', 'id'] })
export class ThreadEvent {
  [OptionalProps]?: 'createdAt' | 'internal' | 'cursor' | 'threadId';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Field(() => String, { description: 'Position in the event log: pass the last one seen as `after` to resume.' })
  get cursor(): string {
    return String(this.id);
  }

  @Field(() => ThreadEventType, { description: 'What happened.' })
  @Enum({ items: () => ThreadEventType, type: 'string' })
  type!: ThreadEventType;

  @ManyToOne(() => Thread, { deleteRule: 'cascade' })
  thread!: Thread;

  @Field(() => ID, { description: 'The thread it happened to.' })
  get threadId(): string {
    return this.thread.id;
  }

  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' })
  actor?: User;

  @Field(() => String, { description: 'Who did it, as shown to users ("Hệ thống" for the system).' })
  @Property({ type: 'string', length: 100 })
  actorName!: string;

  @Field(() => Boolean, { description: 'Seen by staff only.' })
  @Property({ type: 'boolean' })
  internal: boolean = false;

  @Field(() => Message, { nullable: true, description: 'The message, for MESSAGE and INTERNAL_NOTE.' })
  @ManyToOne(() => Message, { nullable: true, deleteRule: 'cascade' })
  message?: Message;

  @Field(() => ThreadStatus, { nullable: true, description: 'Status before the change.' })
  @Enum({ items: () => ThreadStatus, type: 'string', nullable: true })
  fromStatus?: ThreadStatus;

  @Field(() => ThreadStatus, { nullable: true, description: 'Status after the event.' })
  @Enum({ items: () => ThreadStatus, type: 'string', nullable: true })
  toStatus?: ThreadStatus;

  @Field(() => Unit, { nullable: true, description: 'Unit before a transfer.' })
  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  fromUnit?: Unit;

  @Field(() => Unit, { nullable: true, description: 'Unit routed, transferred or escalated to.' })
  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  toUnit?: Unit;

  @Field(() => String, {
    nullable: true,
    description: 'Why: the routing rule, the transfer or rejection reason, the deadline missed.',
  })
  @Property({ type: 'text', nullable: true })
  reason?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Why, as a code translated at display time (REORGANISED: the units were reorganised; see `reasonParams`).',
  })
  @Property({ type: 'string', length: 64, nullable: true })
  reasonCode?: string;

  @Field(() => [ReasonParam], {
    nullable: true,
    description: 'The values the reason code is shown with (REORGANISED: decisionReference, effectiveOn).',
  })
  @Property({ type: 'json', nullable: true })
  reasonParams?: ReasonParam[];

  @Field(() => Int, { nullable: true, description: 'The rating given, for RATED.' })
  @Property({ type: 'smallint', nullable: true })
  rating?: number;

  @Field(() => Date, { description: 'When it happened.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
