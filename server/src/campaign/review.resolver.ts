import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../accounts/role.js';
import type { Context } from '../shared/context.js';
import { BadUserInputError } from '../shared/errors.js';
import { CampaignService } from './campaign.service.js';
import { reviewCsv } from './review.csv.js';
import { ReviewService } from './review.service.js';
import { CampaignReview } from './review.type.js';

/**
 * A review is a dozen aggregates over the campaign (tens of milliseconds); fifteen aliases of it
 * in one request used to compute it fifteen times. Each request now computes each
 * (campaign, year) once and shares it, and each review's CSV once: an operation costs at most one
 * computation per distinct year of a campaign, whatever its aliases. (graphql-armor's cost limit
 * prices every field alike, so it cannot single this field out.)
 */
const reviewsByRequest = new WeakMap<Context, Map<string, Promise<CampaignReview>>>();
const csvByReview = new WeakMap<CampaignReview, string>();

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
    @Ctx() ctx: Context,
  ): Promise<CampaignReview> {
    const reviews = reviewsByRequest.get(ctx) ?? new Map<string, Promise<CampaignReview>>();
    reviewsByRequest.set(ctx, reviews);
    const key = `${campaignId}:${year ?? 'period'}`;
    let review = reviews.get(key);
    if (!review) {
      review = this.compute(ctx, campaignId, year);
      reviews.set(key, review);
    }
    return review;
  }

  private async compute(ctx: Context, campaignId: string, year: number | null): Promise<CampaignReview> {
    const campaign = await new CampaignService(ctx.em).get(campaignId);
    if (year != null && (year < campaign.startYear || year > campaign.endYear)) {
      throw new BadUserInputError(`year must be within ${campaign.startYear}-${campaign.endYear}.`, 'year');
    }
    return new ReviewService(ctx.em).review(campaign, year ?? null);
  }

  @FieldResolver(() => String, {
    description: 'The review as CSV for Excel: UTF-8 with a byte-order mark, comma-separated, CRLF line ends.',
  })
  csv(@Root() review: CampaignReview): string {
    const csv = csvByReview.get(review) ?? reviewCsv(review);
    csvByReview.set(review, csv);
    return csv;
  }
}
