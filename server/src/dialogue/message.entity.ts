import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { User } from '../accounts/user.entity.js';
import { Tone } from './tone.js';
import { Unit } from '../units/unit.entity.js';
import { Thread } from './thread.entity.js';

@ObjectType({ description: 'A message in a thread: a reply, an answer back, or an internal note.' })
@Entity({ tableName: 'messages' })
@Index({ properties: ['thread', 'createdAt'] })
export class Message {
  [OptionalProps]?: 'createdAt' | 'internal';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Thread, { deleteRule: 'cascade' })
  thread!: Thread;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' })
  author?: User;

  @Field(() => String, { description: 'Name shown for the writer.' })
  @Property({ type: 'string', length: 100 })
  authorName!: string;

  @Field(() => Unit, { nullable: true, description: 'The unit the writer answered for; null for citizens.' })
  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  unit?: Unit;

  @Field(() => String, { description: 'The text; personal data masked unless you wrote it or work the thread.' })
  @Property({ type: 'text' })
  body!: string;

  @Field(() => Boolean, { description: 'Internal notes are seen by staff only, never by citizens.' })
  @Property({ type: 'boolean' })
  internal: boolean = false;

  @Field(() => Tone, { nullable: true, description: 'Tone of the text (citizen writing only), scored when written.' })
  @Enum({ items: () => Tone, type: 'string', nullable: true })
  tone?: Tone;

  @Field(() => Float, {
    nullable: true,
    description: 'Tone score from -1 to 1: the probability of positive minus the probability of negative.',
  })
  @Property({ type: 'double', nullable: true })
  toneScore?: number;

  /** The scorer's calibrated probability of `tone`: low for texts it barely understands. */
  @Property({ type: 'double', nullable: true, hidden: true })
  toneConfidence?: number;

  /** Which scorer gave the tone, as `id@version` (`tone-logreg@2026-11-29`, `rules@1`). */
  @Property({ type: 'text', nullable: true, hidden: true })
  toneModel?: string;

  @Field(() => Date, { description: 'When it was written.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
