import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../accounts/role.js';
import { User } from '../accounts/user.entity.js';
import { Unit } from '../units/unit.entity.js';
import { Thread } from './thread.entity.js';

export enum AccessTransport {
  HTTP = 'HTTP',
  WEBSOCKET = 'WEBSOCKET',
}

registerEnumType(AccessTransport, {
  name: 'AccessTransport',
  description: 'How a thread was read.',
  valuesConfig: {
    HTTP: { description: 'A query over HTTP.' },
    WEBSOCKET: { description: 'Over the WebSocket: a live subscription, or a query sent on it.' },
  },
});

/**
 * One read of a private thread by staff (an officer, monitor or administrator), appended when it
 * happens. Append-only in the database: a trigger refuses updates, deletes and truncation (the
 * retention job alone deletes expired rows, see the access-log migration).
 */
@Entity({ tableName: 'thread_access_log' })
@Index({ properties: ['thread', 'at'] })
@Index({ properties: ['at'] })
export class ThreadAccessRecord {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Thread, { deleteRule: 'restrict' })
  thread!: Thread;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  reader!: User;

  @Enum({ items: () => Role, type: 'string' })
  readerRole!: Role;

  /** The reader's unit when it read (officers); kept as it was, whatever the account becomes. */
  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  readerUnit?: Unit;

  /** The GraphQL field that read it: `thread`, `threads`, `threadEvents`, `monitoring.overdue`… */
  @Property({ type: 'string', length: 100 })
  operation!: string;

  @Enum({ items: () => AccessTransport, type: 'string' })
  transport!: AccessTransport;

  @Property({ type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()' })
  at!: Date;
}

@ObjectType({
  description: 'Who read your private thread: one unit (or the monitors, or the administrators), never a person.',
})
export class StaffReadSummary {
  @Field(() => Unit, {
    nullable: true,
    description: 'The unit whose officer read it; null for monitors and administrators.',
  })
  unit!: Unit | null;

  @Field(() => Role, { description: 'OFFICER for a unit, MONITOR for the Front and mass organizations, ADMIN.' })
  role!: Role;

  @Field(() => Int, { description: 'How many times it was read.' })
  reads!: number;

  @Field(() => Date, { description: 'The first read.' })
  firstReadAt!: Date;

  @Field(() => Date, { description: 'The latest read.' })
  lastReadAt!: Date;
}
