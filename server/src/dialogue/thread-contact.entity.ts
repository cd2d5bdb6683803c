import { Entity, OneToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Thread } from './thread.entity.js';

/**
 * The e-mail address an anonymous poster left only to hear back. Kept apart from the thread,
 * exposed by no GraphQL field, and erased when the thread closes (or after the retention period).
 */
@Entity({ tableName: 'thread_contacts' })
export class ThreadContact {
  [OptionalProps]?: 'createdAt';

  @OneToOne(() => Thread, { primary: true, owner: true, deleteRule: 'cascade' })
  thread!: Thread;

  @Property({ type: 'string', length: 254 })
  email!: string;

  /** Language of the messages: the one the poster used when posting. */
  @Property({ type: 'string', length: 2 })
  language!: string;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
