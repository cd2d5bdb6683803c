import { OptionalProps, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../accounts/user.entity.js';
import { Unit } from '../units/unit.entity.js';
import { CampaignModel } from './model.entity.js';

@ObjectType({ description: 'A recognised model taken up by another unit (nhân rộng).' })
@Entity({ tableName: 'campaign_replications' })
@Unique({ properties: ['model', 'unit'] })
export class Replication {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => CampaignModel, { deleteRule: 'cascade' })
  model!: CampaignModel;

  @Index()
  @ManyToOne(() => Unit, { deleteRule: 'restrict' })
  unit!: Unit;

  @Field(() => Int, { description: 'The year the unit took the model up.' })
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => String, { nullable: true, description: 'How the model was adapted.' })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  recordedBy!: User;

  @Field(() => Date, { description: 'When it was recorded.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
