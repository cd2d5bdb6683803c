import { CLOSED_ACCOUNT_NAME } from '../shared/privacy-notice.js';
import { Ctx, Field, FieldResolver, Float, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import type { Context } from '../shared/context.js';
import { DeadlineKind, pendingDeadline } from './deadline.js';
import { Thread } from './thread.entity.js';

registerEnumType(DeadlineKind, {
  name: 'DeadlineKind',
  description: 'Which deadline a thread waits on.',
  valuesConfig: {
    ACKNOWLEDGE: { description: 'The unit must acknowledge the routed thread.' },
    ANSWER: { description: 'The unit must answer it.' },
  },
});

@ObjectType({ description: 'The deadline a thread waits on, in working time.' })
export class Deadline {
  @Field(() => DeadlineKind, { description: 'Acknowledging or answering.' })
  kind!: DeadlineKind;

  @Field(() => Date, { description: 'When it is due.' })
  dueAt!: Date;

  @Field(() => Float, {
    description:
      'Working hours left until it is due (8 a working day, public holidays excluded); negative once it has passed.',
  })
  workingHoursLeft!: number;
}

/** What a thread waits for and how it shows its author: fields every viewer of the thread may read. */
@Resolver(() => Thread)
export class ThreadDeadlineResolver {
  @FieldResolver(() => Deadline, {
    nullable: true,
    description: 'The deadline the unit must still meet (acknowledge, then answer), null once answered or finished.',
  })
  deadline(@Root() thread: Thread, @Ctx() ctx: Context): Deadline | null {
    const pending = pendingDeadline(thread);
    if (!pending) return null;
    const workingHoursLeft = ctx.services.calendar.workingHoursBetween(new Date(), pending.dueAt);
    return Object.assign(new Deadline(), { ...pending, workingHoursLeft: Math.round(workingHoursLeft * 100) / 100 });
  }

  @FieldResolver(() => Boolean, {
    description: 'Posted anonymously: clients show "anonymous citizen" in their language instead of `authorName`.',
  })
  anonymous(@Root() thread: Thread): boolean {
    return !thread.author;
  }

  @FieldResolver(() => Boolean, {
    description:
      'The author has closed their account: `authorName` is "Người dân (đã xoá tài khoản)"; clients show it in their language.',
  })
  authorClosed(@Root() thread: Thread): boolean {
    return Boolean(thread.author) && thread.authorName === CLOSED_ACCOUNT_NAME;
  }
}
