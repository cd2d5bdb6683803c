import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { User } from './user.entity.js';

export enum ConsentOccasion {
  REGISTER = 'REGISTER',
  POST = 'POST',
  RENEW = 'RENEW',
}

registerEnumType(ConsentOccasion, {
  name: 'ConsentOccasion',
  description: 'Where the privacy notice was agreed to.',
  valuesConfig: {
    REGISTER: { description: 'On sign-up.' },
    POST: { description: 'On posting feedback.' },
    RENEW: { description: 'Asked again after the notice changed.' },
  },
});

/**
 * One agreement to one version of the privacy notice, kept as proof: by an account, or by an
 * anonymous poster (then `threadId` says which post; there is no account).
 */
@ObjectType({ description: 'One agreement to the privacy notice.' })
@Entity({ tableName: 'consents' })
@Index({ properties: ['user', 'givenAt'] })
export class Consent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' })
  user?: User;

  /** The anonymous post the agreement came with (no foreign key: threads live in the dialogue domain). */
  @Property({ type: 'uuid', nullable: true })
  threadId?: string;

  @Field(() => String, { description: 'The version of the notice agreed to.' })
  @Property({ type: 'string', length: 40 })
  noticeVersion!: string;

  @Field(() => ConsentOccasion, { description: 'Where it was agreed to.' })
  @Enum({ items: () => ConsentOccasion, type: 'string' })
  occasion!: ConsentOccasion;

  @Field(() => Date, { description: 'When.' })
  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  givenAt!: Date;
}
