import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { Role } from '../accounts/role.js';
import type { User } from '../accounts/user.entity.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import { Campaign } from './campaign.entity.js';
import type {
  AppraiseModelInput,
  CampaignModelFilter,
  ModelDetailsInput,
  ModelStepInput,
  ProgressReportInput,
  RecogniseModelInput,
  RegisterModelInput,
  UpdateModelInput,
} from './campaign.input.js';
import { CampaignModel, ModelStep } from './model.entity.js';
import { ModelAction, ModelStatus, mayAct, nextStatus, type StepAction } from './model-status.js';
import { ProgressReport, WorkItem } from './report.entity.js';
import { isUuid } from '../shared/ids.js';

const details = (input: ModelDetailsInput) => ({
  title: input.title.trim(),
  field: input.field,
  goals: input.goals.trim(),
  programmes: [...new Set(input.programmes)],
  beneficiaries: [...new Set(input.beneficiaries)],
});

export const unitIdOf = (viewer: User): string | null => viewer.unit?.id ?? null;

/** Everyone signed in reads recognised models; officers also their own unit's; monitors and admins all. */
export function visibleModels(viewer: User): FilterQuery<CampaignModel> {
  if (viewer.role === Role.MONITOR || viewer.role === Role.ADMIN) return {};
  const unitId = unitIdOf(viewer);
  if (viewer.role === Role.OFFICER && unitId) return { $or: [{ status: ModelStatus.RECOGNISED }, { unit: unitId }] };
  return { status: ModelStatus.RECOGNISED };
}

export async function campaignYearOrFail(em: EntityManager, campaignId: string, year: number): Promise<Campaign> {
  const campaign = await em.findOne(Campaign, campaignId);
  if (!campaign) throw new NotFoundError('Campaign');
  if (year < campaign.startYear || year > campaign.endYear) {
    throw new BadUserInputError(
      `year must be within the campaign period ${campaign.startYear}-${campaign.endYear}.`,
      'year',
    );
  }
  return campaign;
}

export class ModelService {
  constructor(private readonly em: EntityManager) {}

  list(viewer: User, filter: CampaignModelFilter): Promise<CampaignModel[]> {
    const where: FilterQuery<CampaignModel> = {
      $and: [
        visibleModels(viewer),
        {
          campaign: filter.campaignId,
          ...(filter.year != null ? { year: filter.year } : {}),
          ...(filter.unitId ? { unit: filter.unitId } : {}),
          ...(filter.statuses?.length ? { status: { $in: filter.statuses } } : {}),
        },
      ],
    };
    return this.em.find(CampaignModel, where, {
      populate: ['unit', 'campaign'],
      orderBy: { year: 'desc', unit: { code: 'asc' }, title: 'asc' },
    });
  }

  /** NOT_FOUND both when there is no such model and when the viewer may not see it. */
  async get(viewer: User, id: string): Promise<CampaignModel> {
    const model = isUuid(id)
      ? await this.em.findOne(
          CampaignModel,
          { $and: [{ id }, visibleModels(viewer)] },
          { populate: ['unit', 'campaign'] },
        )
      : null;
    if (!model) throw new NotFoundError('Model');
    return model;
  }

  async register(viewer: User, input: RegisterModelInput): Promise<CampaignModel> {
    const unitId = unitIdOf(viewer);
    if (viewer.role !== Role.OFFICER || !unitId)
      throw new ForbiddenError('Only an officer registers a model for their unit.');
    const campaign = await campaignYearOrFail(this.em, input.campaignId, input.year);
    const model = this.em.create(CampaignModel, {
      campaign,
      unit: unitId,
      year: input.year,
      ...details(input),
      registeredBy: viewer.id,
    });
    this.em.create(ModelStep, {
      model,
      action: ModelAction.REGISTER,
      fromStatus: null,
      toStatus: ModelStatus.REGISTERED,
      actor: viewer.id,
    });
    await this.em.flush();
    return model;
  }

  update(viewer: User, input: UpdateModelInput): Promise<CampaignModel> {
    return this.step(viewer, input.modelId, ModelAction.UPDATE, null, (model) => Object.assign(model, details(input)));
  }

  withdraw(viewer: User, input: ModelStepInput): Promise<CampaignModel> {
    return this.step(viewer, input.modelId, ModelAction.WITHDRAW, input.note);
  }

  startAppraisal(viewer: User, input: ModelStepInput): Promise<CampaignModel> {
    return this.step(viewer, input.modelId, ModelAction.START_APPRAISAL, input.note);
  }

  appraise(viewer: User, input: AppraiseModelInput): Promise<CampaignModel> {
    return this.step(viewer, input.modelId, ModelAction.APPRAISE, `${input.score}/100`, (model) => {
      model.appraisalScore = input.score;
      model.appraisalNotes = input.notes.trim();
    });
  }

  recognise(viewer: User, input: RecogniseModelInput): Promise<CampaignModel> {
    const decisionNumber = input.decisionNumber.trim();
    return this.step(
      viewer,
      input.modelId,
      ModelAction.RECOGNISE,
      `${decisionNumber} (${input.decisionDate})`,
      (model) => {
        model.decisionNumber = decisionNumber;
        model.decisionDate = input.decisionDate;
      },
    );
  }

  reject(viewer: User, input: ModelStepInput): Promise<CampaignModel> {
    return this.step(viewer, input.modelId, ModelAction.REJECT, input.note);
  }

  async addReport(viewer: User, input: ProgressReportInput): Promise<ProgressReport> {
    const model = isUuid(input.modelId) ? await this.em.findOne(CampaignModel, input.modelId) : null;
    if (!model) throw new NotFoundError('Model');
    if (viewer.role !== Role.OFFICER || unitIdOf(viewer) !== model.unit.id) {
      throw new ForbiddenError("Only an officer of the model's unit reports on it.");
    }
    if (model.status === ModelStatus.WITHDRAWN) throw new ConflictError('A withdrawn model takes no more reports.');
    const report = this.em.create(ProgressReport, {
      model,
      reportedOn: input.reportedOn,
      resourcesVnd: input.resourcesVnd,
      evidence: input.evidence.trim(),
      author: viewer.id,
    });
    input.works.forEach((work, position) =>
      this.em.create(WorkItem, {
        report,
        position,
        kind: work.kind,
        quantity: work.quantity,
        measure: work.measure,
        description: work.description?.trim() || null,
      }),
    );
    await this.em.flush();
    return report;
  }

  /** One step in one transaction: lock the model, check who and from where, record the step. */
  private async step(
    viewer: User,
    modelId: string,
    action: StepAction,
    note: string | null | undefined,
    apply?: (model: CampaignModel) => void,
  ): Promise<CampaignModel> {
    if (!isUuid(modelId)) throw new NotFoundError('Model');
    return this.em.transactional(async (em) => {
      const model = await em.findOne(CampaignModel, modelId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!model) throw new NotFoundError('Model');
      if (!mayAct(action, { role: viewer.role, unitId: unitIdOf(viewer) }, { unitId: model.unit.id })) {
        throw new ForbiddenError();
      }
      const to = nextStatus(action, { status: model.status, appraised: model.appraisalScore != null });
      em.create(ModelStep, {
        model,
        action,
        fromStatus: model.status,
        toStatus: to,
        actor: viewer.id,
        note: note?.trim() || null,
      });
      model.status = to;
      apply?.(model);
      return model;
    });
  }
}
