import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../accounts/user.entity.js';

/** What one reorganisation changed, kept with it for the record. */
export interface ReorganisationCounts {
  createdUnits: number;
  endedUnits: number;
  renamedUnits: number;
  movedUnits: number;
  movedThreads: number;
  remappedRules: number;
  droppedRules: number;
  movedAccounts: number;
}

@ObjectType({
  description: 'A reorganisation of the unit tree (merger, renaming, move) applied under an official decision.',
})
@Entity({ tableName: 'unit_reorganisations' })
export class Reorganisation {
  [OptionalProps]?: 'appliedAt' | 'movedThreads' | 'endedUnits';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'The decision applied, such as "Nghị quyết số …/NQ-UBTVQH15".' })
  @Property({ type: 'string', length: 200 })
  decisionReference!: string;

  @Field(() => Date, { description: 'When the new units took over (00:00 Vietnam time on the effective day).' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  effectiveAt!: Date;

  @Field(() => String, { nullable: true, description: "The administrator's note." })
  @Property({ type: 'text', nullable: true })
  note?: string;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  appliedBy?: User;

  @Field(() => Date, { description: 'When it was applied.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  appliedAt: Date = new Date();

  /** Counts of what changed; the details are in the units, the threads' events and the rules. */
  @Property({ type: 'json' })
  counts!: ReorganisationCounts;

  @Field(() => Int, { description: 'Open threads moved to successor units.' })
  get movedThreads(): number {
    return this.counts.movedThreads;
  }

  @Field(() => Int, { description: 'Units that became history.' })
  get endedUnits(): number {
    return this.counts.endedUnits;
  }
}
