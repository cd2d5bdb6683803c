import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../accounts/user.entity.js';
import { CLOSED_ACCOUNT_NAME } from '../shared/privacy-notice.js';
import { Unit } from '../units/unit.entity.js';
import { Message } from './message.entity.js';
import { Thread } from './thread.entity.js';
import { ReasonCode, type ReasonParams } from './event-reason.js';
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
  ASSIGNED = 'ASSIGNED',
  UNASSIGNED = 'UNASSIGNED',
  DUPLICATE = 'DUPLICATE',
}

registerEnumType(ThreadEventType, {
  name: 'ThreadEventType',
  description: 'What happened to a thread.',
  valuesConfig: {
    POSTED: { description: 'A citizen posted the thread.' },
    ROUTED: { description: 'The thread was routed to a unit; `reasonCode` says by which rule.' },
    MESSAGE: { description: 'A reply or an answer back; see `message`.' },
    INTERNAL_NOTE: { description: 'A staff-only note; see `message`. Never sent to citizens.' },
    STATUS_CHANGED: { description: 'The status moved from `fromStatus` to `toStatus`.' },
    TRANSFERRED: { description: 'The thread moved from `fromUnit` to `toUnit`, with a reason.' },
    OVERDUE: { description: 'A deadline passed; `reasonCode` says which.' },
    ESCALATED: { description: 'The overdue thread was escalated to `toUnit` and the monitors.' },
    SUPPORTED: { description: 'A citizen supported the thread (+1).' },
    RATED: { description: 'The citizen rated the answer; see `rating`.' },
    ASSIGNED: { description: 'An officer of the unit was put in charge; see `assignee`. Staff only.' },
    UNASSIGNED: { description: 'Nobody is in charge any more. Staff only.' },
    DUPLICATE: {
      description:
        'An officer closed the thread as a duplicate of another (`reasonCode` DUPLICATE_OF, `original` and `title` in `reasonParams`; also `Thread.duplicateOf`).',
    },
  },
});

registerEnumType(ReasonCode, {
  name: 'ReasonCode',
  description: 'Why the system did something; clients translate it with `reasonParams`.',
  valuesConfig: {
    ROUTED_BY_RULE: {
      description: 'Routed by a rule: `field` THIS (a rule for the field) or ANY; `place` HERE, ENCLOSING or ANYWHERE.',
    },
    ROUTED_FALLBACK: { description: 'No rule matched: sent to the general reception unit.' },
    ACKNOWLEDGE_OVERDUE: { description: 'The acknowledgement deadline passed.' },
    ANSWER_OVERDUE: { description: 'The answer deadline passed.' },
    ESCALATED_OVERDUE: {
      description: 'Escalated to the parent unit and the monitors: `missed` ACKNOWLEDGE, ANSWER or BOTH.',
    },
    REORGANISED: {
      description:
        'Moved by a reorganisation of units: `decisionReference`, `effectiveOn` (YYYY-MM-DD), `fromUnit` and `toUnit` (names).',
    },
    DUPLICATE_OF: {
      description:
        'Closed as a duplicate: `original` (the id of the thread it repeats) and `title` (its title, as the board shows it).',
    },
  },
});

@ObjectType({ description: 'One parameter of a reason code: a code itself (THIS, HERE…) or a name.' })
export class ReasonParam {
  @Field(() => String, { description: 'Parameter name, e.g. `field`, `place`, `missed`.' })
  key!: string;

  @Field(() => String, { description: 'Its value, e.g. `THIS`.' })
  value!: string;
}

export function reasonParamList(params: ReasonParams | undefined | null): ReasonParam[] {
  return Object.entries(params ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => Object.assign(new ReasonParam(), { key, value }));
}

/** The name stored for what the system did; clients show `actorKind` SYSTEM in their language. */
export const SYSTEM_NAME = 'Hệ thống';

export enum ActorKind {
  SYSTEM = 'SYSTEM',
  ANONYMOUS = 'ANONYMOUS',
  PERSON = 'PERSON',
  CLOSED_ACCOUNT = 'CLOSED_ACCOUNT',
}

registerEnumType(ActorKind, {
  name: 'ActorKind',
  description: 'Who did it: the system, an anonymous citizen (no name to show), or a named person.',
  valuesConfig: {
    SYSTEM: { description: 'The system (routing, deadlines).' },
    ANONYMOUS: { description: 'A citizen who posted anonymously.' },
    PERSON: { description: 'A signed-in person, named by `actorName`.' },
    CLOSED_ACCOUNT: { description: 'A citizen who has since closed their account; no name to show.' },
  },
});

/** One row of the append-only event log; its id is the cursor clients resume from. */
@ObjectType({ description: 'Something that happened to a thread, in the order it happened.' })
@Entity({ tableName: 'thread_events' })
@Index({ properties: ['thread', 'id'] })
export class ThreadEvent {
  [OptionalProps]?: 'createdAt' | 'internal' | 'cursor' | 'threadId' | 'reasonParams' | 'actorKind';

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

  @Field(() => ActorKind, { description: 'Whether `actorName` is a person, the system or an anonymous citizen.' })
  get actorKind(): ActorKind {
    if (this.actor) return this.actorName === CLOSED_ACCOUNT_NAME ? ActorKind.CLOSED_ACCOUNT : ActorKind.PERSON;
    return this.actorName === SYSTEM_NAME ? ActorKind.SYSTEM : ActorKind.ANONYMOUS;
  }

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
    description: 'Why, as a person wrote it: the transfer, rejection or reopening reason, the rating comment.',
  })
  @Property({ type: 'text', nullable: true })
  reason?: string;

  @Field(() => ReasonCode, {
    nullable: true,
    description: 'Why, when the system decided: the routing rule, the deadline missed. Translate with `reasonParams`.',
  })
  @Enum({ items: () => ReasonCode, type: 'string', nullable: true })
  reasonCode?: ReasonCode;

  @Property({ type: 'json', nullable: true })
  reasonData?: ReasonParams;

  @Field(() => [ReasonParam], { description: "The reason code's parameters (empty without a code)." })
  get reasonParams(): ReasonParam[] {
    return reasonParamList(this.reasonData);
  }

  /** The officer put in charge, for ASSIGNED (internal events only: citizens never see the name). */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' })
  assignee?: User;

  @Field(() => Int, { nullable: true, description: 'The rating given, for RATED.' })
  @Property({ type: 'smallint', nullable: true })
  rating?: number;

  @Field(() => Date, { description: 'When it happened.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
