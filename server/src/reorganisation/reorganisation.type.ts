import { Field, ID, ObjectType } from 'type-graphql';
import type { Thread } from '../dialogue/thread.entity.js';
import { Reorganisation } from './reorganisation.entity.js';

@ObjectType({ description: 'A unit named in a reorganisation report.' })
export class UnitChange {
  @Field(() => String, { description: 'Its code.' })
  code!: string;

  @Field(() => String, { description: 'Its name (after a renaming, the new one).' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Ended units: the successor; moved units: the new parent; renamed units: the former name.',
  })
  detail!: string | null;
}

@ObjectType({ description: 'An open thread a reorganisation moves to a successor unit.' })
export class ThreadMove {
  @Field(() => ID, { description: 'The thread.' })
  threadId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Its title as the viewer may read it (personal data masked where the thread rule says so); null if unreadable.',
  })
  title!: string | null;

  @Field(() => String, { description: 'The unit it was with.' })
  fromUnit!: string;

  @Field(() => String, { description: 'The unit it goes to.' })
  toUnit!: string;
}

@ObjectType({ description: 'A routing rule a reorganisation changes.' })
export class RuleChange {
  @Field(() => String, { description: 'The field it is for, or "*" for any field.' })
  category!: string;

  @Field(() => String, { description: 'The place it is for (after the change), or "*" for anywhere.' })
  place!: string;

  @Field(() => String, { description: 'The unit that receives the threads (after the change).' })
  unit!: string;

  @Field(() => Boolean, {
    description: 'True when it is dropped: another rule for the same field and place after the merger is kept.',
  })
  dropped!: boolean;
}

@ObjectType({ description: 'An officer account a reorganisation moves to a successor unit.' })
export class AccountMove {
  @Field(() => String, { description: 'The account e-mail.' })
  email!: string;

  @Field(() => String, { description: 'The unit it belonged to.' })
  fromUnit!: string;

  @Field(() => String, { description: 'The unit it belongs to now.' })
  toUnit!: string;

  @Field(() => Boolean, {
    description: 'Flagged for review: its new unit took in several units, so an administrator should confirm it.',
  })
  flagged!: boolean;
}

@ObjectType({ description: 'What a reorganisation changes (dry run) or changed (applied).' })
export class ReorganisationReport {
  @Field(() => Boolean, { description: 'True for a dry run: nothing was written.' })
  dryRun!: boolean;

  @Field(() => Reorganisation, { nullable: true, description: 'The record of the reorganisation; null for a dry run.' })
  reorganisation!: Reorganisation | null;

  @Field(() => [UnitChange], { description: 'Units created.' })
  createdUnits!: UnitChange[];

  @Field(() => [UnitChange], { description: 'Units that become history, each with its successor.' })
  endedUnits!: UnitChange[];

  @Field(() => [UnitChange], { description: 'Units renamed, each with its former name.' })
  renamedUnits!: UnitChange[];

  @Field(() => [UnitChange], {
    description: 'Units moved to another parent, each with the new parent (children of ended units included).',
  })
  movedUnits!: UnitChange[];

  @Field(() => [ThreadMove], { description: 'Open threads moved to successors (closed threads stay).' })
  movedThreads!: ThreadMove[];

  @Field(() => [RuleChange], { description: 'Routing rules remapped to successors, or dropped as duplicates.' })
  rules!: RuleChange[];

  @Field(() => [AccountMove], { description: 'Officer accounts moved to successors.' })
  movedAccounts!: AccountMove[];

  /** The threads whose titles the report shows: their reads go into the access log. */
  readThreads!: Thread[];
}
