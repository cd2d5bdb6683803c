import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../accounts/role.js';
import { User } from '../accounts/user.entity.js';
import { logStaffReads } from '../dialogue/access-log.js';
import type { Context } from '../shared/context.js';
import { Reorganisation } from './reorganisation.entity.js';
import { ReorganisationInput } from './reorganisation.input.js';
import { ReorganisationService } from './reorganisation.service.js';
import { ReorganisationReport } from './reorganisation.type.js';

@Resolver(() => Reorganisation)
export class ReorganisationResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => ReorganisationReport, {
    description:
      'Administrators: show what a reorganisation would change (units, open threads, routing rules, accounts) without writing anything.',
  })
  previewReorganisation(
    @Arg('input', () => ReorganisationInput, { description: 'The reorganisation.' }) input: ReorganisationInput,
    @Ctx() ctx: Context,
  ): Promise<ReorganisationReport> {
    return this.run(input, ctx, true, 'previewReorganisation');
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ReorganisationReport, {
    description:
      'Administrators: apply a reorganisation in one transaction. Merged units become read-only history; their open threads (each with a TRANSFERRED event, reason REORGANISED), routing rules and officers go to the successor.',
  })
  applyReorganisation(
    @Arg('input', () => ReorganisationInput, { description: 'The reorganisation.' }) input: ReorganisationInput,
    @Ctx() ctx: Context,
  ): Promise<ReorganisationReport> {
    return this.run(input, ctx, false, 'applyReorganisation');
  }

  /** The report names threads: reading a private one's title is a staff read, logged like any other. */
  private async run(
    input: ReorganisationInput,
    ctx: Context,
    dryRun: boolean,
    operation: string,
  ): Promise<ReorganisationReport> {
    const report = await new ReorganisationService(ctx.em, ctx.services.bus).run(input, ctx.viewer!, dryRun);
    await logStaffReads(ctx, report.readThreads, operation);
    return report;
  }

  @Authorized(Role.MONITOR, Role.ADMIN)
  @Query(() => [Reorganisation], { description: 'Reorganisations applied, latest effective first (staff only).' })
  reorganisations(@Ctx() { em }: Context): Promise<Reorganisation[]> {
    return em.find(Reorganisation, {}, { orderBy: { effectiveAt: 'desc', appliedAt: 'desc' } });
  }

  @Authorized(Role.ADMIN)
  @Query(() => [User], {
    description: 'Administrators: officer accounts a reorganisation moved to a unit that took in several (to confirm).',
  })
  accountsToReview(@Ctx() { em }: Context): Promise<User[]> {
    return em.find(User, { unitReviewSince: { $ne: null } }, { orderBy: { email: 'asc' } });
  }
}
