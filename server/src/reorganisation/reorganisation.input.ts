import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { UnitKind, UnitLevel } from '../units/unit.entity.js';

@InputType({ description: 'A unit a reorganisation creates.' })
export class NewUnitInput {
  @Field(() => String, { description: 'Short unique code, such as "LD.NAMBAN".' })
  @Length(1, 64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'code takes letters, digits, ".", "_" and "-"' })
  code!: string;

  @Field(() => String, { description: 'Full Vietnamese name, such as "UBND xã Nam Ban (mới)".' })
  @Length(1, 200)
  name!: string;

  @Field(() => UnitLevel, { description: 'Administrative level.' })
  level!: UnitLevel;

  @Field(() => UnitKind, { description: 'Kind of body.' })
  kind!: UnitKind;

  @Field(() => String, {
    nullable: true,
    description: 'Code of the unit above it: an existing unit or one this reorganisation creates; omit for a root.',
  })
  @IsOptional()
  @Length(1, 64)
  parentCode?: string | null;
}

@InputType({ description: 'Several units merged into one (an existing unit, or one created here).' })
export class UnitMergeInput {
  @Field(() => [ID], { description: 'The units merged away: they become history with the target as successor.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'unitIds must be unit ids' })
  unitIds!: string[];

  @Field(() => ID, { nullable: true, description: 'The existing unit that takes them over.' })
  @IsOptional()
  @IsUUID('all', { message: 'intoUnitId must be a unit id' })
  intoUnitId?: string | null;

  @Field(() => NewUnitInput, { nullable: true, description: 'Or the new unit that takes them over.' })
  @IsOptional()
  @ValidateNested()
  newUnit?: NewUnitInput | null;
}

@InputType({ description: 'A unit renamed (a town that became a commune, say); its threads stay with it.' })
export class UnitRenameInput {
  @Field(() => ID, { description: 'The unit.' })
  @IsUUID('all', { message: 'unitId must be a unit id' })
  unitId!: string;

  @Field(() => String, { description: 'Its new full name; the old one is kept in `formerNames`.' })
  @Length(1, 200)
  name!: string;

  @Field(() => UnitLevel, { nullable: true, description: 'Its new level, when that changes too.' })
  @IsOptional()
  level?: UnitLevel | null;
}

@InputType({ description: 'A unit moved under another parent.' })
export class UnitMoveInput {
  @Field(() => ID, { description: 'The unit.' })
  @IsUUID('all', { message: 'unitId must be a unit id' })
  unitId!: string;

  @Field(() => String, { description: 'Code of its new parent: an existing unit or one this reorganisation creates.' })
  @Length(1, 64)
  parentCode!: string;
}

@InputType({ description: 'A reorganisation of the unit tree, applied in one transaction.' })
export class ReorganisationInput {
  @Field(() => String, { description: 'The decision applied, such as "Nghị quyết số …/NQ-UBTVQH15".' })
  @Length(1, 200)
  decisionReference!: string;

  @Field(() => String, { description: 'The day it takes effect, YYYY-MM-DD (Vietnam time); today or earlier.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveOn must be a date YYYY-MM-DD' })
  effectiveOn!: string;

  @Field(() => String, { nullable: true, description: 'A note for the record.' })
  @IsOptional()
  @Length(0, 2000)
  note?: string | null;

  @Field(() => [UnitMergeInput], { nullable: true, description: 'Mergers.' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  merges?: UnitMergeInput[] | null;

  @Field(() => [UnitRenameInput], { nullable: true, description: 'Renamings.' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  renames?: UnitRenameInput[] | null;

  @Field(() => [UnitMoveInput], { nullable: true, description: 'Moves to another parent.' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  moves?: UnitMoveInput[] | null;
}
