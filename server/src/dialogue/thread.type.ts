import { IsBoolean, IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FeedbackKind } from './feedback-kind.js';
import { Thread } from './thread.entity.js';
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

  @Field(() => Int, { description: 'How many threads match the filter in all.' })
  totalCount!: number;

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
