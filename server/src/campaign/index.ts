import { CampaignResolver, CommendationResolver, ReplicationResolver } from './campaign.resolver.js';
import { Campaign } from './campaign.entity.js';
import { Commendation } from './commendation.entity.js';
import { CampaignModel, ModelStep } from './model.entity.js';
import { ModelResolver, ModelStepResolver, ProgressReportResolver } from './model.resolver.js';
import { ProgressReport, WorkItem } from './report.entity.js';
import { Replication } from './replication.entity.js';
import { ReviewResolver } from './review.resolver.js';

export { Campaign, CampaignModel, Commendation, ModelStep, ProgressReport, Replication, WorkItem };
export const entities = [Campaign, CampaignModel, ModelStep, ProgressReport, WorkItem, Commendation, Replication];
export const resolvers = [
  CampaignResolver,
  CommendationResolver,
  ReplicationResolver,
  ModelResolver,
  ModelStepResolver,
  ProgressReportResolver,
  ReviewResolver,
] as const;
