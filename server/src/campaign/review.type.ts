import { Field, Int, ObjectType } from 'type-graphql';
import { UnitListening } from '../dialogue/listening.js';
import { Unit } from '../units/unit.entity.js';
import { CommendationIssuer, ModelField, RecipientKind, WorkKind, WorkMeasure } from './campaign.enums.js';
import { Campaign } from './campaign.entity.js';
import { VndScalar } from './vnd.scalar.js';

@ObjectType({ description: 'Counts of models and the resources they mobilised, for one slice of a review.' })
export class ReviewFigures {
  @Field(() => Int, { description: 'Models registered (every status except WITHDRAWN).' })
  registered!: number;

  @Field(() => Int, { description: 'Models still waiting: REGISTERED or UNDER_APPRAISAL.' })
  pending!: number;

  @Field(() => Int, { description: 'Models recognised (công nhận).' })
  recognised!: number;

  @Field(() => Int, { description: 'Models appraised and not recognised.' })
  notRecognised!: number;

  @Field(() => Int, { description: 'Models withdrawn by their unit (not counted as registered).' })
  withdrawn!: number;

  @Field(() => VndScalar, { description: 'Resources mobilised by the registered models, in đồng (exact sum).' })
  resourcesVnd!: bigint;
}

@ObjectType({ description: "One unit's models in a review." })
export class ReviewUnitRow extends ReviewFigures {
  @Field(() => UnitListening, {
    description: 'How well the unit listened in the same period (its feedback threads), beside its models.',
  })
  listening!: UnitListening;

  @Field(() => Unit, { description: 'The unit that registered the models.' })
  unit!: Unit;
}

@ObjectType({ description: 'The models of one field in a review.' })
export class ReviewFieldRow extends ReviewFigures {
  @Field(() => ModelField, { description: 'The field.' })
  field!: ModelField;
}

@ObjectType({ description: 'Commendations of one issuer to one kind of recipient in a review.' })
export class ReviewCommendationRow {
  @Field(() => CommendationIssuer, { description: 'Who issued them.' })
  issuer!: CommendationIssuer;

  @Field(() => RecipientKind, { description: 'Collectives or individuals.' })
  recipientKind!: RecipientKind;

  @Field(() => Int, { description: 'How many.' })
  count!: number;

  @Field(() => Int, { description: 'How many of them were given for a model.' })
  forModels!: number;
}

@ObjectType({ description: 'Works of one kind and unit of measure done by the registered models.' })
export class ReviewWorkRow {
  @Field(() => WorkKind, { description: 'Kind of work.' })
  kind!: WorkKind;

  @Field(() => WorkMeasure, { description: 'Unit of measure.' })
  measure!: WorkMeasure;

  @Field(() => Int, { description: 'Total quantity.' })
  quantity!: number;
}

@ObjectType({
  description:
    'A review (sơ kết for a year, tổng kết for the whole period) of a campaign, computed by the database from the records.',
})
export class CampaignReview {
  @Field(() => Campaign, { description: 'The campaign reviewed.' })
  campaign!: Campaign;

  @Field(() => Int, { nullable: true, description: 'The year reviewed; null for the whole period.' })
  year!: number | null;

  @Field(() => ReviewFigures, { description: 'Figures for every unit and field together.' })
  totals!: ReviewFigures;

  @Field(() => [ReviewUnitRow], { description: 'Figures by unit, by unit code.' })
  byUnit!: ReviewUnitRow[];

  @Field(() => [ReviewFieldRow], { description: 'Figures by field, every field listed.' })
  byField!: ReviewFieldRow[];

  @Field(() => [ReviewCommendationRow], {
    description: 'Commendations by issuer and kind of recipient, every pair listed.',
  })
  commendations!: ReviewCommendationRow[];

  @Field(() => [ReviewWorkRow], { description: 'Works done by kind and unit of measure.' })
  works!: ReviewWorkRow[];

  @Field(() => Int, { description: 'Times recognised models of this scope were taken up by other units.' })
  replications!: number;
}
