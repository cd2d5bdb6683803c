import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../accounts/user.entity.js';
import type { Context, Services } from '../shared/context.js';
import { BadUserInputError, NotFoundError } from '../shared/errors.js';
import type { PreparedMedia } from '../shared/media/media-file.js';
import { Attachment } from './attachment.entity.js';
import type { Message } from './message.entity.js';
import type { Thread } from './thread.entity.js';
import { accessFor } from './thread.service.js';

/** A file as the upload route received it and prepared it. */
export interface UploadedFile {
  fileName: string;
  media: PreparedMedia;
}

/** Keeps only what is safe to show of a client's file name. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"<>|*?:]/gu, '')
    .trim()
    .slice(0, 120);
  return cleaned || 'tep-dinh-kem';
}

/**
 * Whether the viewer may read an attachment: exactly when they may read its thread
 * (threadAccess, through accessFor), and for an internal note's attachment only staff.
 */
export function mayReadAttachment(ctx: Context, thread: Thread, message: Message | null | undefined): boolean {
  const access = accessFor(ctx, thread);
  return access.read && (!message?.internal || access.internal);
}

/**
 * Stores uploads (bytes first, then one row each, so a row never points at nothing) and claims
 * them for a post or a message inside that post's or message's transaction.
 */
export class AttachmentService {
  constructor(
    private readonly em: EntityManager,
    private readonly services: Services,
  ) {}

  async store(files: UploadedFile[], uploader: User | null): Promise<Attachment[]> {
    const { blobs } = this.services.media;
    const written: string[] = [];
    try {
      const rows: Attachment[] = [];
      for (const { fileName, media } of files) {
        const key = `${new Date().toISOString().slice(0, 7)}/${randomUUID()}`;
        await blobs.put(key, media.body, media.contentType);
        written.push(key);
        let thumbnailKey: string | undefined;
        if (media.thumbnail) {
          thumbnailKey = `${key}.thumb`;
          await blobs.put(thumbnailKey, media.thumbnail.body, media.thumbnail.contentType);
          written.push(thumbnailKey);
        }
        rows.push(
          this.em.create(Attachment, {
            uploader: uploader ?? undefined,
            kind: media.kind,
            contentType: media.contentType,
            byteSize: media.body.length,
            width: media.width ?? undefined,
            height: media.height ?? undefined,
            fileName,
            storageKey: key,
            thumbnailKey,
          }),
        );
      }
      await this.em.flush();
      return rows;
    } catch (error) {
      await Promise.allSettled(written.map((key) => blobs.delete(key)));
      throw error;
    }
  }

  /**
   * Attaches pending uploads to a thread (and a message) in the caller's transaction. Each id
   * must be an upload of this viewer (or an anonymous upload: its id is then the only key),
   * not yet attached anywhere; otherwise nothing is attached and the whole write fails.
   */
  static async claim(
    tx: EntityManager,
    services: Services,
    ids: readonly string[],
    viewer: User | null,
    thread: Thread,
    message?: Message,
  ): Promise<Attachment[]> {
    const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
    if (unique.length === 0) return [];
    const max = services.config.media.maxFilesPerPost;
    if (unique.length > max) {
      throw new BadUserInputError(`At most ${max} files can be attached.`, 'attachmentIds');
    }
    const found = await tx.find(Attachment, { id: { $in: unique } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const byId = new Map(found.map((row) => [row.id, row]));
    for (const id of unique) {
      const row = byId.get(id);
      const mine = row && (row.uploader ? row.uploader.id === viewer?.id : true);
      if (!row || !mine || row.thread) throw new NotFoundError('Attachment');
    }
    for (const row of found) {
      row.thread = thread;
      row.message = message;
    }
    return found;
  }
}

/** One query per thread for all its attachments, shared by the thread's and its messages' fields. */
const perRequest = new WeakMap<Context, Map<string, Promise<Attachment[]>>>();
export function attachmentsOfThread(ctx: Context, threadId: string): Promise<Attachment[]> {
  let cache = perRequest.get(ctx);
  if (!cache) perRequest.set(ctx, (cache = new Map()));
  let rows = cache.get(threadId);
  if (!rows) {
    rows = ctx.em.find(Attachment, { thread: threadId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    cache.set(threadId, rows);
  }
  return rows;
}
