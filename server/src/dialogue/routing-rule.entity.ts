import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Category } from '../units/category.entity.js';
import { Unit } from '../units/unit.entity.js';

@ObjectType({ description: 'Sends threads of a field, in a place, to a unit. The most specific place wins.' })
@Entity({ tableName: 'routing_rules' })
@Index({
  name: 'routing_rules_scope_unique',
  expression:
    'create unique index "routing_rules_scope_unique" on "routing_rules" ("category_id", "place_id") nulls not distinct',
})
export class RoutingRule {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => Category, { nullable: true, description: 'The field it applies to; null for any field.' })
  @ManyToOne(() => Category, { nullable: true, deleteRule: 'cascade' })
  category?: Category;

  @Field(() => Unit, {
    nullable: true,
    description: 'The place (and everything under it) it applies to; null for anywhere.',
  })
  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'cascade' })
  place?: Unit;

  @Field(() => Unit, { description: 'The unit that receives the threads.' })
  @ManyToOne(() => Unit, { deleteRule: 'cascade' })
  unit!: Unit;

  @Field(() => Date, { description: 'When the rule was made.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
