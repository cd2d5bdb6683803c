import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../accounts/user.entity.js';
import { MediaKind } from '../shared/media/media-file.js';
import { Message } from './message.entity.js';
import { Thread } from './thread.entity.js';

registerEnumType(MediaKind, {
  name: 'AttachmentKind',
  description: 'What an attachment is.',
  valuesConfig: {
    IMAGE: { description: 'A photo, re-encoded without its metadata (JPEG, PNG or WebP).' },
    PDF: { description: 'A PDF document.' },
  },
});

/**
 * A photo or document uploaded over POST /uploads. It is pending (no thread) until a post or a
 * message names it, which claims it once; it is then read exactly as that thread or message is.
 */
@ObjectType({ description: 'A photo or PDF attached to a post or a message.' })
@Entity({ tableName: 'attachments' })
@Index({ properties: ['thread', 'createdAt'] })
@Index({ properties: ['message'] })
export class Attachment {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID, { description: 'Stable identifier; knowing it gives no access.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Thread, { nullable: true, deleteRule: 'cascade' })
  thread?: Thread;

  /** Set for a message's attachment; null for the post's own. */
  @ManyToOne(() => Message, { nullable: true, deleteRule: 'cascade' })
  message?: Message;

  /** The account that uploaded it (null for anonymous uploads): only it may attach it. */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  uploader?: User;

  @Field(() => MediaKind, { description: 'Photo or PDF.' })
  @Enum({ items: () => MediaKind, type: 'string' })
  kind!: MediaKind;

  @Field(() => String, { description: 'Media type of the stored bytes, told from the bytes themselves.' })
  @Property({ type: 'string', length: 100 })
  contentType!: string;

  @Field(() => Int, { description: 'Size of the stored file in bytes.' })
  @Property({ type: 'integer' })
  byteSize!: number;

  @Field(() => Int, { nullable: true, description: 'Width in pixels (photos).' })
  @Property({ type: 'integer', nullable: true })
  width?: number;

  @Field(() => Int, { nullable: true, description: 'Height in pixels (photos).' })
  @Property({ type: 'integer', nullable: true })
  height?: number;

  @Field(() => String, { description: 'The file name the sender gave, cleaned; for display only.' })
  @Property({ type: 'string', length: 200 })
  fileName!: string;

  /** Where the bytes are in the blob store; random, never derived from the client. */
  @Property({ type: 'string', length: 200, hidden: true })
  storageKey!: string;

  @Property({ type: 'string', length: 200, nullable: true, hidden: true })
  thumbnailKey?: string;

  @Field(() => Date, { description: 'When it was uploaded.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
