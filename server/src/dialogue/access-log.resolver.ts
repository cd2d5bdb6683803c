import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../accounts/role.js';
import type { Context } from '../shared/context.js';
import { BadUserInputError } from '../shared/errors.js';
import { StaffReadSummary } from './access-log.entity.js';
import { accessLogCsv, staffReadsOf } from './access-log.js';
import { Thread } from './thread.entity.js';
import { accessFor } from './thread.service.js';

const MAX_EXPORT_DAYS = 366;

@Resolver(() => Thread)
export class AccessLogResolver {
  @FieldResolver(() => [StaffReadSummary], {
    nullable: true,
    description:
      'For the author of a private thread only (null for anyone else): which units, monitors or administrators read it and when. Public threads are not logged ([]).',
  })
  async staffReads(@Root() thread: Thread, @Ctx() ctx: Context): Promise<StaffReadSummary[] | null> {
    if (!accessFor(ctx, thread).author) return null;
    return thread.isPublic ? [] : staffReadsOf(ctx.em, thread.id);
  }

  @Authorized(Role.ADMIN)
  @Query(() => String, {
    description:
      'Administrators: every read of a private thread by staff in [from, to) as CSV for Excel (UTF-8 with BOM): when, account, role, unit, thread, operation, transport. At most 366 days.',
  })
  accessLogCsv(
    @Arg('from', () => Date, { description: 'Start of the period (inclusive).' }) from: Date,
    @Arg('to', () => Date, { description: 'End of the period (exclusive).' }) to: Date,
    @Ctx() ctx: Context,
  ): Promise<string> {
    if (!(from < to)) throw new BadUserInputError('from must be before to.', 'from');
    if (to.getTime() - from.getTime() > MAX_EXPORT_DAYS * 86_400_000) {
      throw new BadUserInputError(`Export at most ${MAX_EXPORT_DAYS} days at a time.`, 'to');
    }
    return accessLogCsv(ctx.em, from, to);
  }
}
