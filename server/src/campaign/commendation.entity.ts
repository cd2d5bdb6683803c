import { OptionalProps, Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { GraphQLLocalDate } from 'graphql-scalars';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../accounts/user.entity.js';
import { Unit } from '../units/unit.entity.js';
import { CommendationIssuer, RecipientKind } from './campaign.enums.js';
import { Campaign } from './campaign.entity.js';
import { CampaignModel } from './model.entity.js';

@ObjectType({
  description: "A commendation (khen thưởng) by a People's Committee to a collective or an individual.",
})
@Entity({ tableName: 'campaign_commendations' })
@Index({ properties: ['campaign', 'year'] })
@Check({
  name: 'campaign_commendations_recipient_check',
  expression: `(recipient_kind = 'COLLECTIVE' and recipient_unit_id is not null) or (recipient_kind = 'INDIVIDUAL' and recipient_name is not null)`,
})
export class Commendation {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Campaign, { deleteRule: 'restrict' })
  campaign!: Campaign;

  @Field(() => Int, { description: 'The year (round) the commendation belongs to.' })
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => CommendationIssuer, { description: 'Who issued it.' })
  @Enum({ items: () => CommendationIssuer, type: 'string' })
  issuer!: CommendationIssuer;

  @Field(() => RecipientKind, { description: 'Collective or individual.' })
  @Enum({ items: () => RecipientKind, type: 'string' })
  recipientKind!: RecipientKind;

  /** The commended collective; for an individual, optionally the unit they work in. */
  @Index()
  @ManyToOne(() => Unit, { deleteRule: 'restrict', nullable: true })
  recipientUnit?: Unit | null;

  @Field(() => String, { nullable: true, description: 'Name of the commended individual.' })
  @Property({ type: 'string', length: 200, nullable: true })
  recipientName?: string | null;

  @Index()
  @ManyToOne(() => CampaignModel, { deleteRule: 'restrict', nullable: true })
  model?: CampaignModel | null;

  @Field(() => String, { description: 'What it was given for.' })
  @Property({ type: 'text' })
  citation!: string;

  @Field(() => String, { description: 'Decision reference, such as "2345/QĐ-UBND".' })
  @Property({ type: 'string', length: 100 })
  decisionNumber!: string;

  @Field(() => GraphQLLocalDate, { description: 'Date of the decision.' })
  @Property({ type: 'date' })
  decisionDate!: string;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  recordedBy!: User;

  @Field(() => Date, { description: 'When it was recorded.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
