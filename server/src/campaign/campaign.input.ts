import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import {
  Beneficiary,
  CommendationIssuer,
  ModelField,
  RecipientKind,
  TargetProgramme,
  WorkKind,
  WorkMeasure,
} from './campaign.enums.js';
import { ModelStatus } from './model-status.js';
import { VndScalar } from './vnd.scalar.js';

const NOT_BLANK = /\S/;
const YEAR = { min: 2000, max: 2100 };

@InputType({ description: 'A new campaign (administrators).' })
export class CampaignInput {
  @Field(() => String, { description: 'Name (1-200 characters).' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters long' })
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @Field(() => String, { description: 'What the campaign is about and the document that launched it.' })
  @Length(0, 10_000, { message: 'description must be at most 10000 characters long' })
  description!: string;

  @Field(() => Int, { description: 'First year of the period.' })
  @IsInt()
  @Min(YEAR.min, { message: `startYear must be from ${YEAR.min}` })
  @Max(YEAR.max, { message: `startYear must be up to ${YEAR.max}` })
  startYear!: number;

  @Field(() => Int, { description: 'Last year of the period, not before startYear.' })
  @IsInt()
  @Min(YEAR.min, { message: `endYear must be from ${YEAR.min}` })
  @Max(YEAR.max, { message: `endYear must be up to ${YEAR.max}` })
  endYear!: number;
}

@InputType({ description: 'What a unit says about its model: title, field, goals, programmes, beneficiaries.' })
export class ModelDetailsInput {
  @Field(() => String, { description: 'Title (1-300 characters).' })
  @Length(1, 300, { message: 'title must be 1 to 300 characters long' })
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @Field(() => ModelField, { description: 'The field the model works in.' })
  field!: ModelField;

  @Field(() => String, { description: 'What the model sets out to achieve (1-10000 characters).' })
  @Length(1, 10_000, { message: 'goals must be 1 to 10000 characters long' })
  @Matches(NOT_BLANK, { message: 'goals must not be blank' })
  goals!: string;

  @Field(() => [TargetProgramme], { description: 'National target programmes served; may be empty.' })
  @ArrayMaxSize(10)
  programmes!: TargetProgramme[];

  @Field(() => [Beneficiary], { description: 'Who the model is for; may be empty.' })
  @ArrayMaxSize(20)
  beneficiaries!: Beneficiary[];
}

@InputType({ description: "A unit registers a model for one year of a campaign (the officer's own unit)." })
export class RegisterModelInput extends ModelDetailsInput {
  @Field(() => ID, { description: 'The campaign.' })
  @IsUUID('all', { message: 'campaignId must be a campaign id' })
  campaignId!: string;

  @Field(() => Int, { description: 'The year (round), within the campaign period.' })
  @IsInt()
  year!: number;
}

@InputType({ description: "A unit changes its model's registration, before appraisal starts." })
export class UpdateModelInput extends ModelDetailsInput {
  @Field(() => ID, { description: 'The model.' })
  @IsUUID('all', { message: 'modelId must be a model id' })
  modelId!: string;
}

@InputType({ description: 'A concrete work done, within a progress report.' })
export class WorkItemInput {
  @Field(() => WorkKind, { description: 'Kind of work.' })
  kind!: WorkKind;

  @Field(() => Int, { description: 'How much (at least 1).' })
  @IsInt()
  @Min(1, { message: 'quantity must be at least 1' })
  quantity!: number;

  @Field(() => WorkMeasure, { description: 'Unit of measure.' })
  measure!: WorkMeasure;

  @Field(() => String, { nullable: true, description: 'What exactly (up to 300 characters).' })
  @IsOptional()
  @Length(0, 300, { message: 'description must be at most 300 characters long' })
  description?: string | null;
}

@InputType({ description: "A progress report on one of the unit's own models." })
export class ProgressReportInput {
  @Field(() => ID, { description: 'The model.' })
  @IsUUID('all', { message: 'modelId must be a model id' })
  modelId!: string;

  @Field(() => GraphQLLocalDate, { description: 'The date the report covers up to.' })
  reportedOn!: string;

  @Field(() => VndScalar, { description: 'Resources mobilised in this report, in đồng (0 when none).' })
  resourcesVnd!: bigint;

  @Field(() => String, { description: 'Evidence notes (1-10000 characters).' })
  @Length(1, 10_000, { message: 'evidence must be 1 to 10000 characters long' })
  @Matches(NOT_BLANK, { message: 'evidence must not be blank' })
  evidence!: string;

  @Field(() => [WorkItemInput], { description: 'Works done; may be empty.' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  works!: WorkItemInput[];
}

@InputType({ description: 'A step on a model with an optional note (withdraw, start appraisal).' })
export class ModelStepInput {
  @Field(() => ID, { description: 'The model.' })
  @IsUUID('all', { message: 'modelId must be a model id' })
  modelId!: string;

  @Field(() => String, { nullable: true, description: 'Why (up to 2000 characters).' })
  @IsOptional()
  @Length(0, 2000, { message: 'note must be at most 2000 characters long' })
  note?: string | null;
}

@InputType({ description: 'The appraisal (thẩm định) of a model by the Ban Dân vận.' })
export class AppraiseModelInput {
  @Field(() => ID, { description: 'The model.' })
  @IsUUID('all', { message: 'modelId must be a model id' })
  modelId!: string;

  @Field(() => Int, { description: 'Score from 0 to 100.' })
  @IsInt()
  @Min(0, { message: 'score must be from 0 to 100' })
  @Max(100, { message: 'score must be from 0 to 100' })
  score!: number;

  @Field(() => String, { description: 'Appraisal notes (1-10000 characters).' })
  @Length(1, 10_000, { message: 'notes must be 1 to 10000 characters long' })
  @Matches(NOT_BLANK, { message: 'notes must not be blank' })
  notes!: string;
}

@InputType({ description: 'Recognition (công nhận) of an appraised model, with the decision.' })
export class RecogniseModelInput {
  @Field(() => ID, { description: 'The model.' })
  @IsUUID('all', { message: 'modelId must be a model id' })
  modelId!: string;

  @Field(() => String, { description: 'Decision number, such as "1234-QĐ/HU".' })
  @Length(1, 100, { message: 'decisionNumber must be 1 to 100 characters long' })
  @Matches(NOT_BLANK, { message: 'decisionNumber must not be blank' })
  decisionNumber!: string;

  @Field(() => GraphQLLocalDate, { description: 'Date of the decision.' })
  decisionDate!: string;
}

@InputType({ description: 'A commendation decision to record.' })
export class CommendationInput {
  @Field(() => ID, { description: 'The campaign.' })
  @IsUUID('all', { message: 'campaignId must be a campaign id' })
  campaignId!: string;

  @Field(() => Int, { description: 'The year (round), within the campaign period.' })
  @IsInt()
  year!: number;

  @Field(() => CommendationIssuer, { description: 'Who issued it.' })
  issuer!: CommendationIssuer;

  @Field(() => RecipientKind, { description: 'Collective (give recipientUnitId) or individual (give recipientName).' })
  recipientKind!: RecipientKind;

  @Field(() => ID, {
    nullable: true,
    description: 'The commended unit; for an individual, optionally the unit they work in.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'recipientUnitId must be a unit id' })
  recipientUnitId?: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the commended individual (1-200 characters).' })
  @IsOptional()
  @Length(1, 200, { message: 'recipientName must be 1 to 200 characters long' })
  @Matches(NOT_BLANK, { message: 'recipientName must not be blank' })
  recipientName?: string | null;

  @Field(() => ID, { nullable: true, description: 'The model it was given for, if any.' })
  @IsOptional()
  @IsUUID('all', { message: 'modelId must be a model id' })
  modelId?: string | null;

  @Field(() => String, { description: 'What it was given for (1-2000 characters).' })
  @Length(1, 2000, { message: 'citation must be 1 to 2000 characters long' })
  @Matches(NOT_BLANK, { message: 'citation must not be blank' })
  citation!: string;

  @Field(() => String, { description: 'Decision reference, such as "2345/QĐ-UBND".' })
  @Length(1, 100, { message: 'decisionNumber must be 1 to 100 characters long' })
  @Matches(NOT_BLANK, { message: 'decisionNumber must not be blank' })
  decisionNumber!: string;

  @Field(() => GraphQLLocalDate, { description: 'Date of the decision.' })
  decisionDate!: string;
}

@InputType({ description: 'A recognised model taken up by another unit.' })
export class ReplicationInput {
  @Field(() => ID, { description: 'The recognised model.' })
  @IsUUID('all', { message: 'modelId must be a model id' })
  modelId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The unit replicating it; officers may leave it out (their own unit), monitors must give it.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id' })
  unitId?: string | null;

  @Field(() => Int, { description: 'The year the unit took the model up.' })
  @IsInt()
  year!: number;

  @Field(() => String, { nullable: true, description: 'How the model was adapted (up to 2000 characters).' })
  @IsOptional()
  @Length(0, 2000, { message: 'notes must be at most 2000 characters long' })
  notes?: string | null;
}

@InputType({ description: 'Which models to list.' })
export class CampaignModelFilter {
  @Field(() => ID, { description: 'The campaign.' })
  @IsUUID('all', { message: 'campaignId must be a campaign id' })
  campaignId!: string;

  @Field(() => Int, { nullable: true, description: 'Only this year (round).' })
  @IsOptional()
  @IsInt()
  year?: number | null;

  @Field(() => ID, { nullable: true, description: 'Only models of this unit.' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a unit id' })
  unitId?: string | null;

  @Field(() => [ModelStatus], {
    nullable: true,
    description: 'Only models in these statuses; the appraisal queue is [REGISTERED, UNDER_APPRAISAL].',
  })
  @IsOptional()
  statuses?: ModelStatus[] | null;
}
