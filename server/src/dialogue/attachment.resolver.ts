import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../shared/context.js';
import { leanLoaded } from '../db/lean.js';
import { NotFoundError } from '../shared/errors.js';
import { isUuid } from '../shared/ids.js';
import { Attachment } from './attachment.entity.js';
import { attachmentsOfThread, mayReadAttachment } from './attachment.service.js';
import { Message } from './message.entity.js';
import { Thread } from './thread.entity.js';
import { accessFor } from './thread.service.js';

/** The thread and message an attachment belongs to (read already by this request when possible). */
async function ownersOf(ctx: Context, attachment: Attachment) {
  if (!attachment.thread) return null;
  const { em } = ctx;
  const thread = leanLoaded(em, Thread, attachment.thread.id) ?? (await em.findOne(Thread, attachment.thread.id));
  const messageId = attachment.message?.id;
  const message = messageId ? (leanLoaded(em, Message, messageId) ?? (await em.findOne(Message, messageId))) : null;
  return thread ? { thread, message } : null;
}

/** A link is made only for a viewer the thread rule lets read the attachment. */
async function signedLink(ctx: Context, attachment: Attachment, variant: 'full' | 'thumbnail'): Promise<string | null> {
  const owners = await ownersOf(ctx, attachment);
  if (!owners || !mayReadAttachment(ctx, owners.thread, owners.message)) return null;
  if (variant === 'thumbnail' && !attachment.thumbnailKey) return null;
  return ctx.services.media.urls.sign(attachment.id, variant);
}

@Resolver(() => Attachment)
export class AttachmentResolver {
  @Query(() => Attachment, {
    description:
      'One attachment; NOT_FOUND unless the viewer may read its thread (and, for an internal note, its internal notes).',
  })
  async attachment(
    @Arg('id', () => ID, { description: 'Id of the attachment.' }) id: string,
    @Arg('trackingCode', () => String, { nullable: true, description: 'Tracking code of an anonymous post.' })
    trackingCode: string | null,
    @Ctx() ctx: Context,
  ): Promise<Attachment> {
    const attachment = isUuid(id) ? await ctx.em.findOne(Attachment, id, { populate: ['thread', 'message'] }) : null;
    const thread = attachment?.thread;
    if (thread && trackingCode) {
      // Lets the holder of the code read it as the author, as `thread(id, trackingCode)` does.
      accessFor(ctx, thread, trackingCode);
    }
    if (!attachment || !thread || !mayReadAttachment(ctx, thread, attachment.message)) {
      throw new NotFoundError('Attachment');
    }
    return attachment;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'A short-lived link to the file (valid for ATTACHMENT_LINK_TTL, then ask again).',
  })
  url(@Root() attachment: Attachment, @Ctx() ctx: Context): Promise<string | null> {
    return signedLink(ctx, attachment, 'full');
  }

  @FieldResolver(() => String, { nullable: true, description: 'A short-lived link to a small preview (photos only).' })
  thumbnailUrl(@Root() attachment: Attachment, @Ctx() ctx: Context): Promise<string | null> {
    return signedLink(ctx, attachment, 'thumbnail');
  }
}

@Resolver(() => Thread)
export class ThreadAttachmentsResolver {
  @FieldResolver(() => [Attachment], { description: 'Photos and files of the post itself (not of its messages).' })
  async attachments(@Root() thread: Thread, @Ctx() ctx: Context): Promise<Attachment[]> {
    return (await attachmentsOfThread(ctx, thread.id)).filter((row) => !row.message);
  }
}

@Resolver(() => Message)
export class MessageAttachmentsResolver {
  @FieldResolver(() => [Attachment], { description: 'Photos and files of this message.' })
  async attachments(@Root() message: Message, @Ctx() ctx: Context): Promise<Attachment[]> {
    const thread = await ctx.em.findOne(Thread, message.thread.id);
    if (!thread || !mayReadAttachment(ctx, thread, message)) return [];
    return (await attachmentsOfThread(ctx, message.thread.id)).filter((row) => row.message?.id === message.id);
  }
}
