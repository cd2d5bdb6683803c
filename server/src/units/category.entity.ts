import { OptionalProps, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'A field (lĩnh vực) of feedback, such as land clearance or security and order.',
})
@Entity({ tableName: 'categories' })
export class Category {
  [OptionalProps]?: 'createdAt';

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

  @Field(() => Date, { description: 'When the field was created.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
