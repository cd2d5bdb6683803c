import { Entity, ManyToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { User } from '../accounts/user.entity.js';
import { Thread } from './thread.entity.js';

/** How far a person has read a thread: the last event cursor when they last opened its page. */
@Entity({ tableName: 'thread_reads' })
export class ThreadRead {
  [PrimaryKeyProp]?: ['user', 'thread'];

  @ManyToOne(() => User, { primary: true, deleteRule: 'cascade' })
  user!: User;

  @ManyToOne(() => Thread, { primary: true, deleteRule: 'cascade' })
  thread!: Thread;

  @Property({ type: 'bigint' })
  cursor!: string;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  readAt: Date = new Date();
}
