import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../accounts/role.js';
import { User } from '../accounts/user.entity.js';
import type { Context } from '../shared/context.js';
import { Unit } from '../units/unit.entity.js';
import { Campaign } from './campaign.entity.js';
import {
  AppraiseModelInput,
  CampaignModelFilter,
  ModelStepInput,
  ProgressReportInput,
  RecogniseModelInput,
  RegisterModelInput,
  UpdateModelInput,
} from './campaign.input.js';
import { Commendation } from './commendation.entity.js';
import { CampaignModel, ModelStep } from './model.entity.js';
import { ModelService } from './model.service.js';
import { ProgressReport, WorkItem } from './report.entity.js';
import { Replication } from './replication.entity.js';

const stepInput = { description: 'The model and an optional note.' };

@Resolver(() => CampaignModel)
export class ModelResolver {
  @Authorized()
  @Query(() => [CampaignModel], {
    description:
      "Models of a campaign: everyone signed in sees recognised models, officers also their unit's, monitors and administrators all.",
  })
  campaignModels(
    @Arg('filter', () => CampaignModelFilter, { description: 'Campaign, and optionally year, unit and statuses.' })
    filter: CampaignModelFilter,
    @Ctx() ctx: Context,
  ): Promise<CampaignModel[]> {
    return new ModelService(ctx.em).list(ctx.viewer!, filter);
  }

  @Authorized()
  @Query(() => CampaignModel, { description: 'One model by id; NOT_FOUND when there is none or you may not see it.' })
  campaignModel(
    @Arg('id', () => ID, { description: 'Id of the model.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<CampaignModel> {
    return new ModelService(ctx.em).get(ctx.viewer!, id);
  }

  @Authorized(Role.OFFICER)
  @Mutation(() => CampaignModel, { description: 'Officers: register a model for your unit in a year of a campaign.' })
  registerModel(
    @Arg('input', () => RegisterModelInput, { description: 'The model.' }) input: RegisterModelInput,
    @Ctx() ctx: Context,
  ): Promise<CampaignModel> {
    return new ModelService(ctx.em).register(ctx.viewer!, input);
  }

  @Authorized(Role.OFFICER)
  @Mutation(() => CampaignModel, { description: "Officers: change your unit's model before its appraisal starts." })
  updateModel(
    @Arg('input', () => UpdateModelInput, { description: 'The model and its new details.' }) input: UpdateModelInput,
    @Ctx() ctx: Context,
  ): Promise<CampaignModel> {
    return new ModelService(ctx.em).update(ctx.viewer!, input);
  }

  @Authorized(Role.OFFICER)
  @Mutation(() => CampaignModel, { description: "Officers: withdraw your unit's model before its appraisal starts." })
  withdrawModel(
    @Arg('input', () => ModelStepInput, stepInput) input: ModelStepInput,
    @Ctx() ctx: Context,
  ): Promise<CampaignModel> {
    return new ModelService(ctx.em).withdraw(ctx.viewer!, input);
  }

  @Authorized(Role.MONITOR)
  @Mutation(() => CampaignModel, { description: 'Monitors (Ban Dân vận): take a registered model up for appraisal.' })
  startAppraisal(
    @Arg('input', () => ModelStepInput, stepInput) input: ModelStepInput,
    @Ctx() ctx: Context,
  ): Promise<CampaignModel> {
    return new ModelService(ctx.em).startAppraisal(ctx.viewer!, input);
  }

  @Authorized(Role.MONITOR)
  @Mutation(() => CampaignModel, {
    description: 'Monitors: record the appraisal score and notes of a model under appraisal (may be revised).',
  })
  appraiseModel(
    @Arg('input', () => AppraiseModelInput, { description: 'Score and notes.' }) input: AppraiseModelInput,
    @Ctx() ctx: Context,
  ): Promise<CampaignModel> {
    return new ModelService(ctx.em).appraise(ctx.viewer!, input);
  }

  @Authorized(Role.MONITOR)
  @Mutation(() => CampaignModel, { description: 'Monitors: recognise an appraised model, with the decision.' })
  recogniseModel(
    @Arg('input', () => RecogniseModelInput, { description: 'The decision.' }) input: RecogniseModelInput,
    @Ctx() ctx: Context,
  ): Promise<CampaignModel> {
    return new ModelService(ctx.em).recognise(ctx.viewer!, input);
  }

  @Authorized(Role.MONITOR)
  @Mutation(() => CampaignModel, { description: 'Monitors: do not recognise an appraised model.' })
  rejectModel(
    @Arg('input', () => ModelStepInput, stepInput) input: ModelStepInput,
    @Ctx() ctx: Context,
  ): Promise<CampaignModel> {
    return new ModelService(ctx.em).reject(ctx.viewer!, input);
  }

  @Authorized(Role.OFFICER)
  @Mutation(() => ProgressReport, { description: "Officers: report progress on your unit's model." })
  addProgressReport(
    @Arg('input', () => ProgressReportInput, { description: 'The report.' }) input: ProgressReportInput,
    @Ctx() ctx: Context,
  ): Promise<ProgressReport> {
    return new ModelService(ctx.em).addReport(ctx.viewer!, input);
  }

  @FieldResolver(() => Campaign, { description: 'The campaign.' })
  campaign(@Root() model: CampaignModel, @Ctx() { em }: Context): Promise<Campaign> {
    return em.findOneOrFail(Campaign, model.campaign.id);
  }

  @FieldResolver(() => Unit, { description: 'The unit that registered the model.' })
  unit(@Root() model: CampaignModel, @Ctx() { em }: Context): Promise<Unit> {
    return em.findOneOrFail(Unit, model.unit.id);
  }

  @FieldResolver(() => [ModelStep], { description: 'Every step so far, oldest first: the timeline.' })
  steps(@Root() model: CampaignModel, @Ctx() { em }: Context): Promise<ModelStep[]> {
    return em.find(ModelStep, { model: model.id }, { populate: ['actor'], orderBy: { at: 'asc', id: 'asc' } });
  }

  @FieldResolver(() => [ProgressReport], { description: 'Progress reports, oldest first.' })
  reports(@Root() model: CampaignModel, @Ctx() { em }: Context): Promise<ProgressReport[]> {
    return em.find(
      ProgressReport,
      { model: model.id },
      { populate: ['works', 'author'], orderBy: { reportedOn: 'asc', createdAt: 'asc' } },
    );
  }

  @FieldResolver(() => [Replication], { description: 'Other units that took the model up.' })
  replications(@Root() model: CampaignModel, @Ctx() { em }: Context): Promise<Replication[]> {
    return em.find(
      Replication,
      { model: model.id },
      { populate: ['unit'], orderBy: { year: 'asc', createdAt: 'asc' } },
    );
  }

  @FieldResolver(() => [Commendation], { description: 'Commendations given for the model.' })
  commendations(@Root() model: CampaignModel, @Ctx() { em }: Context): Promise<Commendation[]> {
    return em.find(Commendation, { model: model.id }, { orderBy: { decisionDate: 'asc', id: 'asc' } });
  }
}

@Resolver(() => ModelStep)
export class ModelStepResolver {
  @FieldResolver(() => String, { description: 'Name of who took the step.' })
  async actorName(@Root() step: ModelStep, @Ctx() { em }: Context): Promise<string> {
    return (await em.findOneOrFail(User, step.actor.id)).displayName;
  }
}

@Resolver(() => ProgressReport)
export class ProgressReportResolver {
  @FieldResolver(() => [WorkItem], { description: 'Works done, in the order reported.' })
  async works(@Root() report: ProgressReport): Promise<WorkItem[]> {
    return (await report.works.loadItems()) as WorkItem[];
  }

  @FieldResolver(() => String, { description: 'Name of who filed the report.' })
  async authorName(@Root() report: ProgressReport, @Ctx() { em }: Context): Promise<string> {
    return (await em.findOneOrFail(User, report.author.id)).displayName;
  }
}
