import {
  OptionalProps,
  BigIntType,
  Check,
  Entity,
  Enum,
  Formula,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../accounts/user.entity.js';
import { Unit } from '../units/unit.entity.js';
import { Beneficiary, ModelField, TargetProgramme } from './campaign.enums.js';
import { Campaign } from './campaign.entity.js';
import { ModelAction, ModelStatus } from './model-status.js';
import { VndScalar } from './vnd.scalar.js';

@ObjectType({
  description: 'A "Dân vận khéo" model registered by a unit for one year (one round) of a campaign.',
})
@Entity({ tableName: 'campaign_models' })
@Index({ properties: ['campaign', 'year'] })
@Check({ name: 'campaign_models_score_check', expression: 'appraisal_score >= 0 and appraisal_score <= 100' })
export class CampaignModel {
  [OptionalProps]?: 'status' | 'createdAt' | 'updatedAt' | 'resourcesVnd';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Campaign, { deleteRule: 'restrict' })
  campaign!: Campaign;

  @Index()
  @ManyToOne(() => Unit, { deleteRule: 'restrict' })
  unit!: Unit;

  @Field(() => Int, { description: 'The year (round of the campaign) the model is registered for.' })
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => String, { description: 'Title, such as "Chính quyền thân thiện vì Nhân dân phục vụ".' })
  @Property({ type: 'string', length: 300 })
  title!: string;

  @Field(() => ModelField, { description: 'The field the model works in.' })
  @Enum({ items: () => ModelField, type: 'string' })
  field!: ModelField;

  @Field(() => String, { description: 'What the model sets out to achieve.' })
  @Property({ type: 'text' })
  goals!: string;

  @Field(() => [TargetProgramme], { description: 'National target programmes the model serves.' })
  @Enum({ items: () => TargetProgramme, array: true, type: 'string[]' })
  programmes!: TargetProgramme[];

  @Field(() => [Beneficiary], { description: 'Who the model is for.' })
  @Enum({ items: () => Beneficiary, array: true, type: 'string[]' })
  beneficiaries!: Beneficiary[];

  @Field(() => ModelStatus, { description: 'Where the model stands in the workflow.' })
  @Enum({ items: () => ModelStatus, type: 'string' })
  status: ModelStatus = ModelStatus.REGISTERED;

  @Field(() => Int, { nullable: true, description: 'Appraisal score (0-100), once appraised.' })
  @Property({ type: 'integer', nullable: true })
  appraisalScore?: number | null;

  @Field(() => String, { nullable: true, description: 'Appraisal notes of the Ban Dân vận, once appraised.' })
  @Property({ type: 'text', nullable: true })
  appraisalNotes?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Number of the recognition decision (quyết định công nhận), such as "1234-QĐ/HU".',
  })
  @Property({ type: 'string', length: 100, nullable: true })
  decisionNumber?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Date of the recognition decision.' })
  @Property({ type: 'date', nullable: true })
  decisionDate?: string | null;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  registeredBy!: User;

  /** Summed by PostgreSQL in the same select that loads the model: no query per model in a list. */
  @Field(() => VndScalar, { description: 'Resources mobilised over all reports, in đồng (exact sum).' })
  @Formula(
    (alias) =>
      `(select coalesce(sum(r.resources_vnd), 0) from campaign_progress_reports r where r.model_id = ${alias}.id)`,
    {
      type: new BigIntType('bigint'),
    },
  )
  resourcesVnd: bigint = 0n;

  @Field(() => Date, { description: 'When the unit registered the model.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When the model last changed.' })
  @Property({ type: 'Date', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

@ObjectType({ description: 'One recorded step in the history of a model: what, who and when.' })
@Entity({ tableName: 'campaign_model_steps' })
export class ModelStep {
  [OptionalProps]?: 'at';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => CampaignModel, { deleteRule: 'cascade' })
  model!: CampaignModel;

  @Field(() => ModelAction, { description: 'The step taken.' })
  @Enum({ items: () => ModelAction, type: 'string' })
  action!: ModelAction;

  @Field(() => ModelStatus, { nullable: true, description: 'Status before the step; null for the registration.' })
  @Enum({ items: () => ModelStatus, type: 'string', nullable: true })
  fromStatus?: ModelStatus | null;

  @Field(() => ModelStatus, { description: 'Status after the step.' })
  @Enum({ items: () => ModelStatus, type: 'string' })
  toStatus!: ModelStatus;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  actor!: User;

  @Field(() => String, { nullable: true, description: 'Note given with the step.' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Field(() => Date, { description: 'When the step was taken.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  at: Date = new Date();
}
