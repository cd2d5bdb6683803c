import { OptionalProps, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'A field (lĩnh vực) of feedback, such as land clearance or security and order.',
})
@Entity({ tableName: 'categories' })
export class Category {
  [OptionalProps]?: 'createdAt' | 'acknowledgeWithinHours' | 'answerWithinHours' | 'urgent';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Short unique code, such as "LAND".' })
  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Field(() => String, { description: 'Vietnamese name shown to users.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { description: 'English name.' })
  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Field(() => Int, { description: 'Working hours a unit has to acknowledge a thread of this field.' })
  @Property({ type: 'integer' })
  acknowledgeWithinHours: number = 8;

  @Field(() => Int, {
    description: 'Working hours a unit has to answer a thread of this field (8 working hours a day).',
  })
  @Property({ type: 'integer' })
  answerWithinHours: number = 24;

  @Field(() => Boolean, { description: 'Urgent fields (security and order, for one) get shorter deadlines.' })
  @Property({ type: 'boolean' })
  urgent: boolean = false;

  @Field(() => Date, { description: 'When the field was created.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
