import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../accounts/role.js';
import type { User } from '../accounts/user.entity.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import { Unit } from '../units/unit.entity.js';
import { RecipientKind } from './campaign.enums.js';
import { Campaign } from './campaign.entity.js';
import type { CampaignInput, CommendationInput, ReplicationInput } from './campaign.input.js';
import { Commendation } from './commendation.entity.js';
import { CampaignModel } from './model.entity.js';
import { ModelStatus } from './model-status.js';
import { campaignYearOrFail, unitIdOf } from './model.service.js';
import { Replication } from './replication.entity.js';
import { isUuid } from '../shared/ids.js';

function checkPeriod(input: CampaignInput): void {
  if (input.endYear < input.startYear) throw new BadUserInputError('endYear must not be before startYear.', 'endYear');
}

export class CampaignService {
  constructor(private readonly em: EntityManager) {}

  list(): Promise<Campaign[]> {
    return this.em.find(Campaign, {}, { orderBy: { startYear: 'desc', name: 'asc' } });
  }

  async get(id: string): Promise<Campaign> {
    const campaign = isUuid(id) ? await this.em.findOne(Campaign, id) : null;
    if (!campaign) throw new NotFoundError('Campaign');
    return campaign;
  }

  async create(input: CampaignInput): Promise<Campaign> {
    checkPeriod(input);
    const campaign = this.em.create(Campaign, {
      name: input.name.trim(),
      description: input.description.trim(),
      startYear: input.startYear,
      endYear: input.endYear,
    });
    await this.em.flush();
    return campaign;
  }

  /** The period may not shrink past a year that already has models or commendations. */
  async update(id: string, input: CampaignInput): Promise<Campaign> {
    checkPeriod(input);
    const campaign = await this.get(id);
    const outside = { campaign, $or: [{ year: { $lt: input.startYear } }, { year: { $gt: input.endYear } }] };
    if ((await this.em.count(CampaignModel, outside)) + (await this.em.count(Commendation, outside)) > 0) {
      throw new ConflictError('Models or commendations exist in years outside the new period.', 'startYear');
    }
    Object.assign(campaign, {
      name: input.name.trim(),
      description: input.description.trim(),
      startYear: input.startYear,
      endYear: input.endYear,
    });
    await this.em.flush();
    return campaign;
  }

  async commendations(campaignId: string, year?: number | null): Promise<Commendation[]> {
    const campaign = await this.get(campaignId);
    return this.em.find(
      Commendation,
      { campaign, ...(year != null ? { year } : {}) },
      { populate: ['recipientUnit'], orderBy: { year: 'desc', issuer: 'asc', decisionDate: 'asc', id: 'asc' } },
    );
  }

  async recordCommendation(viewer: User, input: CommendationInput): Promise<Commendation> {
    const campaign = await campaignYearOrFail(this.em, input.campaignId, input.year);
    const recipientName = input.recipientName?.trim() || null;
    if (input.recipientKind === RecipientKind.COLLECTIVE && !input.recipientUnitId) {
      throw new BadUserInputError('A collective commendation names the unit.', 'recipientUnitId');
    }
    if (input.recipientKind === RecipientKind.INDIVIDUAL && !recipientName) {
      throw new BadUserInputError('An individual commendation names the person.', 'recipientName');
    }
    const recipientUnit = input.recipientUnitId ? await this.em.findOne(Unit, input.recipientUnitId) : null;
    if (input.recipientUnitId && !recipientUnit) throw new NotFoundError('Unit');
    const model = input.modelId ? await this.em.findOne(CampaignModel, input.modelId) : null;
    if (input.modelId && (!model || model.campaign.id !== campaign.id)) {
      throw new BadUserInputError('The model must belong to the same campaign.', 'modelId');
    }
    const commendation = this.em.create(Commendation, {
      campaign,
      year: input.year,
      issuer: input.issuer,
      recipientKind: input.recipientKind,
      recipientUnit,
      recipientName: input.recipientKind === RecipientKind.INDIVIDUAL ? recipientName : null,
      model,
      citation: input.citation.trim(),
      decisionNumber: input.decisionNumber.trim(),
      decisionDate: input.decisionDate,
      recordedBy: viewer.id,
    });
    await this.em.flush();
    return commendation;
  }

  /** Officers record that their own unit took a model up; monitors may record it for any unit. */
  async recordReplication(viewer: User, input: ReplicationInput): Promise<Replication> {
    const model = isUuid(input.modelId) ? await this.em.findOne(CampaignModel, input.modelId) : null;
    if (!model) throw new NotFoundError('Model');
    let unitId = input.unitId ?? null;
    if (viewer.role === Role.OFFICER) {
      if (unitId && unitId !== unitIdOf(viewer))
        throw new ForbiddenError('Officers record replication by their own unit.');
      unitId = unitIdOf(viewer);
    }
    if (!unitId) throw new BadUserInputError('Name the unit that replicates the model.', 'unitId');
    if (model.status !== ModelStatus.RECOGNISED) throw new ConflictError('Only a recognised model can be replicated.');
    if (unitId === model.unit.id) throw new BadUserInputError('A unit does not replicate its own model.', 'unitId');
    const unit = await this.em.findOne(Unit, unitId);
    if (!unit) throw new NotFoundError('Unit');
    if (input.year < model.year) throw new BadUserInputError('A model is replicated after it was registered.', 'year');
    const replication = this.em.create(Replication, {
      model,
      unit,
      year: input.year,
      notes: input.notes?.trim() || null,
      recordedBy: viewer.id,
    });
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new ConflictError('This unit already replicates this model.', 'unitId');
      }
      throw error;
    }
    return replication;
  }
}
