import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../accounts/user.entity.js';

export enum DataRequestKind {
  EXPORT = 'EXPORT',
  CLOSE = 'CLOSE',
}

registerEnumType(DataRequestKind, {
  name: 'DataRequestKind',
  description: 'What a person asked of their personal data.',
  valuesConfig: {
    EXPORT: { description: 'A copy of everything held about them.' },
    CLOSE: { description: 'Closing the account: personal fields erased.' },
  },
});

/**
 * One request a person made about their data, and when it was done: the proof that it was
 * answered within the legal time. Written before the work starts; `completedAt` in the work's
 * own transaction, so a failed request stays on record as not done.
 */
@ObjectType({ description: 'A request about personal data (export or closing) and when it was completed.' })
@Entity({ tableName: 'personal_data_requests' })
@Index({ properties: ['requestedAt'] })
export class DataRequest {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Index()
  @ManyToOne(() => User, { deleteRule: 'restrict' })
  user!: User;

  @Field(() => DataRequestKind, { description: 'What was asked.' })
  @Enum({ items: () => DataRequestKind, type: 'string' })
  kind!: DataRequestKind;

  @Field(() => Date, { description: 'When it was asked.' })
  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  requestedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was done; null if it failed or is not done yet.' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  completedAt?: Date;
}
