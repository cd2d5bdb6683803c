import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { User } from '../accounts/user.entity.js';
import { Thread } from '../dialogue/thread.entity.js';
import { ThreadEvent } from '../dialogue/thread-event.entity.js';
import { ThreadStatus } from '../dialogue/thread-status.js';
import { NotificationTopic } from './notification-topic.js';

/**
 * One person told about one thread event: an account (its in-app list) or an anonymous poster's
 * contact. `recipient` (`user:<id>` or `contact:<thread id>`) makes it once per event and person,
 * so a fan-out that runs twice adds nothing the second time.
 */
@ObjectType({ description: 'Something you were told about a thread.' })
@Entity({ tableName: 'notifications' })
@Unique({ properties: ['event', 'recipient'] })
@Index({ properties: ['user', 'id'] })
@Index({
  name: 'notifications_unread',
  expression: 'create index "notifications_unread" on "notifications" ("user_id") where "read_at" is null',
})
export class Notification {
  [OptionalProps]?: 'createdAt' | 'threadId';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'cascade' })
  user?: User;

  @Property({ type: 'string', length: 80 })
  recipient!: string;

  @ManyToOne(() => ThreadEvent, { deleteRule: 'cascade' })
  event!: ThreadEvent;

  @ManyToOne(() => Thread, { deleteRule: 'cascade' })
  thread!: Thread;

  @Field(() => ID, { description: 'The thread it is about (open it at /threads/:id).' })
  get threadId(): string {
    return this.thread.id;
  }

  @Field(() => NotificationTopic, { description: 'What it is about; the web app words it in the reader’s language.' })
  @Enum({ items: () => NotificationTopic, type: 'string' })
  topic!: NotificationTopic;

  @Field(() => ThreadStatus, { nullable: true, description: 'The status the thread moved to, for STATUS_CHANGED.' })
  @Enum({ items: () => ThreadStatus, type: 'string', nullable: true })
  toStatus?: ThreadStatus;

  @Field(() => Date, { description: 'When it was written.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When you marked it read; null while unread.' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  readAt?: Date;
}

export enum NotificationChannel {
  EMAIL = 'EMAIL',
  PUSH = 'PUSH',
}

/** A notification sent on a channel: written right after the channel accepted it. */
@Entity({ tableName: 'notification_deliveries' })
export class NotificationDelivery {
  [OptionalProps]?: 'sentAt';

  @ManyToOne(() => Notification, { primary: true, deleteRule: 'cascade' })
  notification!: Notification;

  @Enum({ items: () => NotificationChannel, type: 'string', primary: true })
  channel!: NotificationChannel;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  sentAt: Date = new Date();
}

export enum NotificationLanguage {
  VI = 'vi',
  EN = 'en',
}

/** How an account wants to hear; no row means the defaults (e-mail and push on, no digest, Vietnamese). */
@Entity({ tableName: 'notification_settings' })
export class NotificationSettings {
  [OptionalProps]?: 'updatedAt' | 'email' | 'push' | 'digest' | 'language';

  @ManyToOne(() => User, { primary: true, deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'boolean', default: true })
  email: boolean = true;

  @Property({ type: 'boolean', default: true })
  push: boolean = true;

  @Property({ type: 'boolean', default: false })
  digest: boolean = false;

  @Enum({ items: () => NotificationLanguage, type: 'string', default: NotificationLanguage.VI })
  language: NotificationLanguage = NotificationLanguage.VI;

  @Property({ type: 'Date', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** A browser's Web Push subscription (from the service worker's PushManager). */
@Entity({ tableName: 'push_subscriptions' })
export class PushSubscription {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'text' })
  endpoint!: string;

  @Index()
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'text' })
  p256dh!: string;

  @Property({ type: 'text' })
  auth!: string;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
