import { Entity, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { User } from '../accounts/user.entity.js';
import { Thread } from './thread.entity.js';

/** One citizen's +1 on a thread; the primary key makes it once each. */
@Entity({ tableName: 'thread_supports' })
export class Support {
  [OptionalProps]?: 'createdAt';

  @ManyToOne(() => Thread, { primary: true, deleteRule: 'cascade' })
  thread!: Thread;

  @ManyToOne(() => User, { primary: true, deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
