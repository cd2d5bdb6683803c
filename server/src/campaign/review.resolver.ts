import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../accounts/role.js';
import type { Context } from '../shared/context.js';
import { BadUserInputError } from '../shared/errors.js';
import { CampaignService } from './campaign.service.js';
import { reviewCsv } from './review.csv.js';
import { ReviewService } from './review.service.js';
import { CampaignReview } from './review.type.js';

@Resolver(() => CampaignReview)
export class ReviewResolver {
  @Authorized(Role.OFFICER, Role.MONITOR, Role.ADMIN)
  @Query(() => CampaignReview, {
    description: 'Staff: the review (sơ kết) of a campaign for one year, or (tổng kết) for the whole period.',
  })
  async campaignReview(
    @Arg('campaignId', () => ID, { description: 'The campaign.' }) campaignId: string,
    @Arg('year', () => Int, { nullable: true, description: 'The year; the whole period when left out.' })
    year: number | null,
    @Ctx() { em }: Context,
  ): Promise<CampaignReview> {
    const campaign = await new CampaignService(em).get(campaignId);
    if (year != null && (year < campaign.startYear || year > campaign.endYear)) {
      throw new BadUserInputError(`year must be within ${campaign.startYear}-${campaign.endYear}.`, 'year');
    }
    return new ReviewService(em).review(campaign, year ?? null);
  }

  @FieldResolver(() => String, {
    description: 'The review as CSV for Excel: UTF-8 with a byte-order mark, comma-separated, CRLF line ends.',
  })
  csv(@Root() review: CampaignReview): string {
    return reviewCsv(review);
  }
}
