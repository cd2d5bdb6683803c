import { OptionalProps, Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Unit } from '../units/unit.entity.js';
import { Role } from './role.js';

@ObjectType({
  description: 'A signed-in person: citizen, unit officer, monitor or administrator.',
})
@Entity({ tableName: 'users' })
@Check({
  name: 'users_officer_unit_check',
  expression: `(role = 'OFFICER') = (unit_id is not null)`,
})
export class User {
  [OptionalProps]?: 'tokenVersion' | 'createdAt' | 'disabledAt' | 'unitReviewSince' | 'closedAt';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, {
    description: 'Sign-in e-mail address, stored in lower case.',
  })
  @Property({ type: 'string', length: 254, unique: true })
  email!: string;

  @Field(() => String, {
    description: 'Name shown beside what the person writes.',
  })
  @Property({ type: 'string', length: 100 })
  displayName!: string;

  @Property({ type: 'string', length: 200, hidden: true, lazy: true })
  passwordHash!: string;

  @Field(() => Role, { description: 'What the account may do.' })
  @Enum({ items: () => Role, type: 'string' })
  role!: Role;

  /** Officers, and only officers, belong to a unit (users_officer_unit_check). */
  @Index()
  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  unit?: Unit;

  /** Set when a reorganisation moved the officer to a unit that took in several; cleared on review. */
  @Field(() => Date, {
    nullable: true,
    description:
      'When a reorganisation moved this officer to a unit that took in several others, so an administrator should confirm it; null otherwise.',
  })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  unitReviewSince?: Date;

  @Property({ type: 'integer' })
  tokenVersion: number = 0;

  /** A disabled account cannot sign in, and its tokens and open sockets stop working. */
  @Field(() => Date, {
    nullable: true,
    description: 'When an administrator disabled the account; null while it works.',
  })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  disabledAt?: Date;

  /** The privacy notice version last agreed to (history in `consents`); null before any. */
  @Property({ type: 'string', length: 40, nullable: true })
  consentVersion?: string;

  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  consentedAt?: Date;

  /** Set when the person closed the account: its personal fields are erased, it never signs in again. */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  closedAt?: Date;

  @Field(() => Date, { description: 'When the account was created.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
