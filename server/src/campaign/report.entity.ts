import {
  OptionalProps,
  BigIntType,
  Check,
  Collection,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import { GraphQLLocalDate } from 'graphql-scalars';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../accounts/user.entity.js';
import { WorkKind, WorkMeasure } from './campaign.enums.js';
import { CampaignModel } from './model.entity.js';
import { VndScalar } from './vnd.scalar.js';

@ObjectType({ description: 'A progress report on a model: resources mobilised, works done and evidence.' })
@Entity({ tableName: 'campaign_progress_reports' })
@Check({ name: 'campaign_progress_reports_resources_check', expression: 'resources_vnd >= 0' })
export class ProgressReport {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => CampaignModel, { deleteRule: 'cascade' })
  model!: CampaignModel;

  @Field(() => GraphQLLocalDate, { description: 'The date the report covers up to.' })
  @Property({ type: 'date' })
  reportedOn!: string;

  @Field(() => VndScalar, { description: 'Social resources mobilised (nguồn lực xã hội) in this report, in đồng.' })
  @Property({ type: new BigIntType('bigint') })
  resourcesVnd!: bigint;

  @Field(() => String, { description: 'Evidence: what was done, documents, photos held by the unit.' })
  @Property({ type: 'text' })
  evidence!: string;

  @OneToMany(() => WorkItem, (work) => work.report, { orderBy: { position: 'asc' } })
  works = new Collection<WorkItem>(this);

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  author!: User;

  @Field(() => Date, { description: 'When the report was filed.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}

@ObjectType({ description: 'A concrete work done (phần việc): kind, quantity and unit of measure.' })
@Entity({ tableName: 'campaign_work_items' })
@Check({ name: 'campaign_work_items_quantity_check', expression: 'quantity > 0' })
export class WorkItem {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => ProgressReport, { deleteRule: 'cascade' })
  report!: ProgressReport;

  @Property({ type: 'integer' })
  position!: number;

  @Field(() => WorkKind, { description: 'Kind of work.' })
  @Enum({ items: () => WorkKind, type: 'string' })
  kind!: WorkKind;

  @Field(() => Int, { description: 'How much, in the unit of measure.' })
  @Property({ type: 'integer' })
  quantity!: number;

  @Field(() => WorkMeasure, { description: 'Unit of measure, such as metres of road or houses.' })
  @Enum({ items: () => WorkMeasure, type: 'string' })
  measure!: WorkMeasure;

  @Field(() => String, { nullable: true, description: 'What exactly, such as "đường bê tông thôn Kon Pang".' })
  @Property({ type: 'string', length: 300, nullable: true })
  description?: string | null;
}
