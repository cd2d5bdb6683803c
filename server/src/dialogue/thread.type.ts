import { IsBoolean, IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FeedbackKind } from './feedback-kind.js';
import { Thread } from './thread.entity.js';
import type {
  StatusMove as StatusMoveShape,
  ThreadPermissions as ThreadPermissionsShape,
} from './thread-permissions.js';
import { ThreadStatus } from './thread-status.js';

export enum ThreadOrder {
  NEWEST = 'NEWEST',
  MOST_SUPPORTED = 'MOST_SUPPORTED',
  DEADLINE = 'DEADLINE',
}

registerEnumType(ThreadOrder, {
  name: 'ThreadOrder',
  description: 'How to sort threads.',
  valuesConfig: {
    NEWEST: { description: 'Newest first.' },
    MOST_SUPPORTED: { description: 'Most supported first, then newest.' },
    DEADLINE: {
      description:
        'Most urgent first (a unit inbox): threads with a deadline pending, overdue then due soonest; then open ones without one; finished last.',
    },
  },
});

export enum ThreadAssignment {
  MINE = 'MINE',
  UNASSIGNED = 'UNASSIGNED',
}

registerEnumType(ThreadAssignment, {
  name: 'ThreadAssignment',
  description: 'Who is in charge of a thread, as an inbox view (only threads the viewer is staff on).',
  valuesConfig: {
    MINE: { description: 'Assigned to the viewer.' },
    UNASSIGNED: { description: 'Nobody is in charge yet.' },
  },
});

@InputType({ description: 'Narrows a list of threads; every given condition must hold.' })
export class ThreadFilter {
  @Field(() => [ThreadStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  @IsIn(Object.values(ThreadStatus), { each: true })
  statuses?: ThreadStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'This field (category).' })
  @IsOptional()
  @IsUUID('all', { message: 'categoryId must be a category id' })
  categoryId?: string | null;

  @Field(() => ID, { nullable: true, description: 'This place or any place under it.' })
  @IsOptional()
  @IsUUID('all', { message: 'placeId must be a unit id' })
  placeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Threads this unit is responsible for.' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id' })
  unitId?: string | null;

  @Field(() => FeedbackKind, { nullable: true, description: 'This kind of post.' })
  @IsOptional()
  @IsIn(Object.values(FeedbackKind))
  kind?: FeedbackKind | null;

  @Field(() => Boolean, { nullable: true, description: 'Only overdue threads (true) or only threads on time (false).' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only threads you posted.' })
  @IsOptional()
  @IsBoolean()
  mine?: boolean | null;

  @Field(() => ThreadAssignment, {
    nullable: true,
    description: "Assigned to you, or to nobody; lists only threads you are staff on (a unit's inbox).",
  })
  @IsOptional()
  @IsIn(Object.values(ThreadAssignment))
  assignment?: ThreadAssignment | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words in the title or body; Vietnamese diacritics and case are ignored ("den bu" finds "đền bù").',
  })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;
}

@ObjectType({ description: 'One page of threads.' })
export class ThreadConnection {
  @Field(() => [Thread], { description: 'The threads on this page.' })
  nodes!: Thread[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;

  @Field(() => Boolean, { description: 'Whether another page follows.' })
  hasNextPage!: boolean;

  @Field(() => Int, {
    description:
      'How many threads match the filter in all, counted up to 1,000: when more match, 1,000 and `totalCountCapped` is true (a board needs "more than 1,000", not an exact count over a million rows).',
  })
  totalCount!: number;

  @Field(() => Boolean, { description: 'More threads match than `totalCount` says: it stopped counting at 1,000.' })
  totalCountCapped!: boolean;

  @Field(() => String, {
    description:
      'The event log position read before this list: subscribe with it as `after` and no change made since is missed.',
  })
  eventsCursor!: string;
}

@ObjectType({ description: 'The posted thread, and the tracking code of an anonymous post.' })
export class PostFeedbackPayload {
  @Field(() => Thread, { description: 'The thread, already routed to its unit.' })
  thread!: Thread;

  @Field(() => String, {
    nullable: true,
    description: 'For anonymous posts only: keep it secret; it alone lets you follow and answer the thread.',
  })
  trackingCode!: string | null;
}

@ObjectType({ description: 'A status move the viewer may make now.' })
export class StatusMove implements StatusMoveShape {
  @Field(() => ThreadStatus, { description: 'The status the thread would move to.' })
  to!: ThreadStatus;

  @Field(() => Boolean, { description: 'Whether the move needs a reason (a rejection, a reopening).' })
  reasonRequired!: boolean;
}

@ObjectType({
  description:
    'What the viewer may do with the thread now, from their rights and its status: the mutations refuse everything else, so a client shows only these actions.',
})
export class ThreadPermissions implements ThreadPermissionsShape {
  @Field(() => Boolean, {
    description: 'Write a message in the thread (replyToThread): the author answers back, the unit replies.',
  })
  reply!: boolean;

  @Field(() => Boolean, { description: "Write an internal note (replyToThread with internal): the unit's officers." })
  note!: boolean;

  @Field(() => [StatusMove], {
    description:
      'The status moves the viewer may make now (changeThreadStatus): the unit moves it along, the author reopens it. Empty when none.',
  })
  move!: StatusMove[];

  @Field(() => Boolean, {
    description: 'Hand the thread to another unit (transferThread): its officers and administrators, while it is open.',
  })
  transfer!: boolean;

  @Field(() => Boolean, {
    description:
      'Close it as a duplicate of another thread (markThreadDuplicate): its officers and administrators, while it is open.',
  })
  markDuplicate!: boolean;

  @Field(() => Boolean, { description: 'Rate the answer (rateThread): the author, once it is resolved, once.' })
  rate!: boolean;

  @Field(() => Boolean, {
    description:
      'Reopen it with a reason (changeThreadStatus to REOPENED, also listed in move): the author, after an answer.',
  })
  reopen!: boolean;

  @Field(() => Boolean, {
    description:
      'Support it (supportThread): signed-in citizens, on public initiatives and petitions; a second support answers CONFLICT.',
  })
  support!: boolean;

  @Field(() => Boolean, {
    description:
      "Put one of the unit's officers in charge, or nobody (assignThread): its officers and administrators, until it is closed or rejected.",
  })
  assign!: boolean;
}
