import { IsDate, IsOptional, IsUUID } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FeedbackKind } from '../dialogue/feedback-kind.js';
import { Category } from '../units/category.entity.js';
import { Unit } from '../units/unit.entity.js';

export enum Bucket {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(Bucket, {
  name: 'Bucket',
  description: 'Time step of a series, in Vietnam time.',
  valuesConfig: {
    DAY: { description: 'Per day.' },
    WEEK: { description: 'Per week (from Monday).' },
    MONTH: { description: 'Per month.' },
  },
});

@InputType({ description: 'What every dashboard panel looks at; all conditions hold together.' })
export class MonitoringFilter {
  @Field(() => Date, { nullable: true, description: 'From this moment (default: 30 days before `to`).' })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Until this moment, exclusive (default: now).' })
  @IsOptional()
  @IsDate()
  to?: Date | null;

  @Field(() => ID, { nullable: true, description: 'Only this field.' })
  @IsOptional()
  @IsUUID('all', { message: 'categoryId must be a category id' })
  categoryId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this place and the places under it.' })
  @IsOptional()
  @IsUUID('all', { message: 'placeId must be a unit id' })
  placeId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only threads this unit is responsible for (officers: always their own).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id' })
  unitId?: string | null;
}

@ObjectType({ description: 'How many threads, and how many of them negative in tone.' })
export class Volume {
  @Field(() => Int, { description: 'Threads posted.' })
  threads!: number;

  @Field(() => Int, { description: 'Of which negative in tone.' })
  negative!: number;

  @Field(() => Float, { nullable: true, description: 'negative ÷ threads; null without threads.' })
  negativeShare!: number | null;
}

@ObjectType({ description: 'Volume in one time step.' })
export class VolumePoint extends Volume {
  @Field(() => Date, { description: 'Start of the step (midnight, Vietnam time).' })
  period!: Date;
}

@ObjectType({ description: 'Volume of one field.' })
export class FieldVolume extends Volume {
  @Field(() => Category, { description: 'The field.' })
  category!: Category;
}

@ObjectType({ description: 'Volume of one commune (its villages included).' })
export class PlaceVolume extends Volume {
  @Field(() => Unit, { description: 'The commune or town.' })
  place!: Unit;
}

@ObjectType({ description: 'Volume of one kind of post.' })
export class KindVolume extends Volume {
  @Field(() => FeedbackKind, { description: 'The kind.' })
  kind!: FeedbackKind;
}

@ObjectType({ description: 'Tone of what citizens wrote (threads and their messages) in one time step.' })
export class SentimentPoint {
  @Field(() => Date, { description: 'Start of the step.' })
  period!: Date;

  @Field(() => Float, { description: 'Average score, -1 to 1.' })
  averageScore!: number;

  @Field(() => Int, { description: 'Negative texts.' })
  negative!: number;

  @Field(() => Int, { description: 'Neutral texts.' })
  neutral!: number;

  @Field(() => Int, { description: 'Positive texts.' })
  positive!: number;
}

@ObjectType({ description: 'A word or two-word phrase used more this week than in the four weeks before.' })
export class RisingWord {
  @Field(() => String, { description: 'The word or phrase, lower case.' })
  word!: string;

  @Field(() => Int, { description: 'Threads using it in the last 7 days.' })
  thisWeek!: number;

  @Field(() => Float, { description: 'Threads using it per week in the 4 weeks before.' })
  weeklyBefore!: number;

  @Field(() => Float, { description: '(thisWeek + 1) ÷ (weeklyBefore + 1).' })
  growth!: number;

  @Field(() => Float, {
    description:
      'Log-likelihood ratio (G²) of this week against the 4 weeks before, the rank order; above 3.84 a rise this large is unlikely by chance (p < 0.05).',
  })
  likelihood!: number;
}

@ObjectType({ description: 'How a unit answers: deadlines kept, speed, reopenings and ratings.' })
export class UnitResponsiveness {
  @Field(() => Unit, { description: 'The unit.' })
  unit!: Unit;

  @Field(() => Int, { description: 'Threads it was responsible for.' })
  threads!: number;

  @Field(() => Float, { nullable: true, description: 'Share acknowledged by the deadline.' })
  acknowledgedOnTime!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share answered by the deadline.' })
  answeredOnTime!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median hours to the first reply.' })
  medianHoursToFirstReply!: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile of hours to the first reply.' })
  p90HoursToFirstReply!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median hours to resolution.' })
  medianHoursToResolution!: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile of hours to resolution.' })
  p90HoursToResolution!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of answered threads that citizens reopened.' })
  reopenRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Average rating, 1 to 5.' })
  averageRating!: number | null;

  @Field(() => Int, { description: 'Ratings behind the average.' })
  ratings!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Place in the league table; null when the unit has fewer threads than the minimum sample.',
  })
  rank!: number | null;
}

@ObjectType({ description: 'The league table of units, ranked only on enough threads.' })
export class ResponsivenessTable {
  @Field(() => Int, { description: 'Threads a unit needs to be ranked.' })
  minimumSample!: number;

  @Field(() => [UnitResponsiveness], {
    description: 'Ranked units first (by answered on time, then speed), then the rest.',
  })
  units!: UnitResponsiveness[];
}
