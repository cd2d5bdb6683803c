import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../accounts/role.js';
import type { Context } from '../shared/context.js';
import { Unit } from '../units/unit.entity.js';
import { Campaign } from './campaign.entity.js';
import { CampaignInput, CommendationInput, ReplicationInput } from './campaign.input.js';
import { CampaignService } from './campaign.service.js';
import { Commendation } from './commendation.entity.js';
import { CampaignModel } from './model.entity.js';
import { visibleModels } from './model.service.js';
import { Replication } from './replication.entity.js';

@Resolver(() => Campaign)
export class CampaignResolver {
  @Authorized()
  @Query(() => [Campaign], { description: 'Every campaign, the latest period first.' })
  campaigns(@Ctx() { em }: Context): Promise<Campaign[]> {
    return new CampaignService(em).list();
  }

  @Authorized()
  @Query(() => Campaign, { description: 'One campaign by id; NOT_FOUND when there is none.' })
  campaign(
    @Arg('id', () => ID, { description: 'Id of the campaign.' }) id: string,
    @Ctx() { em }: Context,
  ): Promise<Campaign> {
    return new CampaignService(em).get(id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Campaign, { description: 'Administrators only: start a campaign with its period.' })
  createCampaign(
    @Arg('input', () => CampaignInput, { description: 'The campaign.' }) input: CampaignInput,
    @Ctx() { em }: Context,
  ): Promise<Campaign> {
    return new CampaignService(em).create(input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Campaign, {
    description: 'Administrators only: change a campaign; CONFLICT when records fall outside the new period.',
  })
  updateCampaign(
    @Arg('id', () => ID, { description: 'Id of the campaign.' }) id: string,
    @Arg('input', () => CampaignInput, { description: 'The new name, description and period.' }) input: CampaignInput,
    @Ctx() { em }: Context,
  ): Promise<Campaign> {
    return new CampaignService(em).update(id, input);
  }

  @Authorized()
  @Query(() => [Commendation], { description: 'Commendations of a campaign, for one year or the whole period.' })
  commendations(
    @Arg('campaignId', () => ID, { description: 'The campaign.' }) campaignId: string,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year; all years when left out.' })
    year: number | null,
    @Ctx() { em }: Context,
  ): Promise<Commendation[]> {
    return new CampaignService(em).commendations(campaignId, year);
  }

  @Authorized(Role.MONITOR, Role.ADMIN)
  @Mutation(() => Commendation, {
    description: "Monitors and administrators: record a People's Committee commendation.",
  })
  recordCommendation(
    @Arg('input', () => CommendationInput, { description: 'The commendation decision.' }) input: CommendationInput,
    @Ctx() ctx: Context,
  ): Promise<Commendation> {
    return new CampaignService(ctx.em).recordCommendation(ctx.viewer!, input);
  }

  @Authorized(Role.OFFICER, Role.MONITOR)
  @Mutation(() => Replication, {
    description:
      'Record that a recognised model was taken up by another unit: officers for their own unit, monitors for any.',
  })
  recordReplication(
    @Arg('input', () => ReplicationInput, { description: 'The model and the unit replicating it.' })
    input: ReplicationInput,
    @Ctx() ctx: Context,
  ): Promise<Replication> {
    return new CampaignService(ctx.em).recordReplication(ctx.viewer!, input);
  }
}

@Resolver(() => Commendation)
export class CommendationResolver {
  @FieldResolver(() => Unit, {
    nullable: true,
    description: 'The commended collective; for an individual, the unit they work in if known.',
  })
  recipientUnit(@Root() commendation: Commendation, @Ctx() { em }: Context): Promise<Unit | null> | null {
    return commendation.recipientUnit ? em.findOne(Unit, commendation.recipientUnit.id) : null;
  }

  @FieldResolver(() => CampaignModel, {
    nullable: true,
    description: 'The model it was given for, if any and if you may see it.',
  })
  model(@Root() commendation: Commendation, @Ctx() { em, viewer }: Context): Promise<CampaignModel | null> | null {
    if (!commendation.model || !viewer) return null;
    return em.findOne(CampaignModel, { $and: [{ id: commendation.model.id }, visibleModels(viewer)] });
  }
}

@Resolver(() => Replication)
export class ReplicationResolver {
  @FieldResolver(() => Unit, { description: 'The unit that took the model up.' })
  unit(@Root() replication: Replication, @Ctx() { em }: Context): Promise<Unit> {
    return em.findOneOrFail(Unit, replication.unit.id);
  }
}
