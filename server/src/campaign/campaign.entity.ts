import { OptionalProps, Check, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'An emulation campaign (phong trào thi đua) such as "Dân vận khéo" 2022-2025; each year of its period is a round.',
})
@Entity({ tableName: 'campaigns' })
@Check({ name: 'campaigns_period_check', expression: 'end_year >= start_year' })
export class Campaign {
  [OptionalProps]?: 'createdAt' | 'years';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Name, such as "Dân vận khéo giai đoạn 2022 - 2025".' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { description: 'What the campaign is about and the document that launched it.' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => Int, { description: 'First year of the period.' })
  @Property({ type: 'integer' })
  startYear!: number;

  @Field(() => Int, { description: 'Last year of the period.' })
  @Property({ type: 'integer' })
  endYear!: number;

  @Field(() => [Int], { description: 'The yearly rounds: every year of the period, in order.' })
  get years(): number[] {
    return Array.from({ length: this.endYear - this.startYear + 1 }, (_, index) => this.startYear + index);
  }

  @Field(() => Date, { description: 'When the campaign was created.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
