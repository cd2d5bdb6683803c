import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { User } from '../accounts/user.entity.js';
import { Unit } from '../units/unit.entity.js';

/** A canned answer: a unit's officers keep their own, the administrators keep the global ones. */
@ObjectType({
  description: "A reply template (câu trả lời mẫu): a unit's own, or a global one kept by administrators.",
})
@Entity({ tableName: 'reply_templates' })
export class ReplyTemplate {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'global';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The unit whose officers keep it; none for a global template. */
  @Index()
  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'cascade' })
  unit?: Unit;

  @Field(() => String, { description: 'Short title shown in the list, 1 to 120 characters.' })
  @Property({ type: 'string', length: 120 })
  title!: string;

  @Field(() => String, { description: 'The text put into the reply box, 1 to 5000 characters.' })
  @Property({ type: 'text' })
  body!: string;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null', hidden: true })
  createdBy?: User;

  @Field(() => Boolean, { description: "Kept by the administrators for every unit, not by one unit's officers." })
  get global(): boolean {
    return !this.unit;
  }

  @Field(() => Date, { description: 'When it was written.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When it last changed.' })
  @Property({ type: 'Date', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
