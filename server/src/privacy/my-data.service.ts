import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Consent } from '../accounts/consent.entity.js';
import { Role } from '../accounts/role.js';
import { User } from '../accounts/user.entity.js';
import { Attachment, Message, Support, Thread } from '../dialogue/index.js';
import { readableWhere } from '../dialogue/thread-access.js';
import type { Services } from '../shared/context.js';
import { ForbiddenError } from '../shared/errors.js';
import { CLOSED_ACCOUNT_NAME, PRIVACY_NOTICE } from '../shared/privacy-notice.js';
import { DataRequest, DataRequestKind } from './data-request.entity.js';
import type { MyData } from './my-data.js';

/** The password hash of a closed account: not in the `scrypt$…` format, so nothing ever matches it. */
const CLOSED_PASSWORD_HASH = 'closed';

const iso = (date: Date | null | undefined): string | null => (date ? new Date(date).toISOString() : null);

/**
 * A person's own data: everything held about them, and closing their account. Both are logged
 * in `personal_data_requests` with when they were asked and when they were done.
 */
export class MyDataService {
  constructor(
    private readonly em: EntityManager,
    private readonly services: Services,
  ) {}

  async export(viewer: User): Promise<{ data: MyData; request: DataRequest }> {
    const request = await this.requested(viewer, DataRequestKind.EXPORT);
    const data = await this.collect(viewer, request);
    request.completedAt = new Date();
    await this.em.flush();
    data.requests = data.requests.map((entry) =>
      entry.id === request.id ? { ...entry, completedAt: iso(request.completedAt) } : entry,
    );
    return { data, request };
  }

  /**
   * Erases the account's personal fields and relabels what it wrote, in one transaction; its
   * tokens stop working at once (tokenVersion, and every instance is told). Public and private
   * threads stay with their units' answers: the public record and the units' files are kept whole.
   */
  async close(viewer: User): Promise<DataRequest> {
    if (viewer.role !== Role.CITIZEN) {
      throw new ForbiddenError('Staff accounts are closed by an administrator (updateAccount, disabled).');
    }
    const request = await this.requested(viewer, DataRequestKind.CLOSE);
    const user = await this.em.transactional(async (tx) => {
      const user = await tx.findOneOrFail(User, viewer.id, {
        populate: ['passwordHash'],
        lockMode: LockMode.PESSIMISTIC_WRITE,
      });
      const now = new Date();
      user.email = `closed-${user.id}@closed.invalid`;
      user.displayName = CLOSED_ACCOUNT_NAME;
      user.passwordHash = CLOSED_PASSWORD_HASH;
      user.closedAt = now;
      user.disabledAt = now;
      user.tokenVersion += 1;
      const knex = tx.getKnex();
      await tx.execute(knex('threads').where('author_id', user.id).update({ author_name: CLOSED_ACCOUNT_NAME }));
      await tx.execute(knex('messages').where('author_id', user.id).update({ author_name: CLOSED_ACCOUNT_NAME }));
      await tx.execute(knex('thread_events').where('actor_id', user.id).update({ actor_name: CLOSED_ACCOUNT_NAME }));
      // Who supported what is theirs alone; the threads keep their counts.
      await tx.execute(knex('thread_supports').where('user_id', user.id).delete());
      // Files not yet attached can no longer be claimed by anyone.
      await tx.execute(knex('attachments').where('uploader_id', user.id).update({ uploader_id: null }));
      tx.assign(tx.getReference(DataRequest, request.id), { completedAt: now });
      await tx.flush();
      return user;
    });
    await this.services.bus.publish('accounts', { userId: user.id, tokenVersion: user.tokenVersion });
    request.completedAt = user.closedAt;
    return request;
  }

  private async requested(viewer: User, kind: DataRequestKind): Promise<DataRequest> {
    const request = this.em.create(DataRequest, { user: viewer, kind, requestedAt: new Date() });
    await this.em.persistAndFlush(request);
    return request;
  }

  /** Their threads, messages, ratings, supports and consents; read under the thread-access rule. */
  private async collect(viewer: User, request: DataRequest): Promise<MyData> {
    const readable = readableWhere(viewer);
    const [threads, messages, supports, consents, uploads, requests] = await Promise.all([
      this.em.find(
        Thread,
        { $and: [readable, { author: viewer.id }] },
        { populate: ['category', 'place', 'unit'], orderBy: { createdAt: 'asc' } },
      ),
      this.em.find(
        Message,
        { author: viewer.id, internal: false, thread: readable },
        { orderBy: { createdAt: 'asc' } },
      ),
      this.em.find(
        Support,
        { user: viewer.id, thread: readable },
        { populate: ['thread'], orderBy: { createdAt: 'asc' } },
      ),
      this.em.find(Consent, { user: viewer.id }, { orderBy: { givenAt: 'asc' } }),
      this.em.find(Attachment, { uploader: viewer.id }, { orderBy: { createdAt: 'asc' } }),
      this.em.find(DataRequest, { user: viewer.id }, { orderBy: { requestedAt: 'asc' } }),
    ]);
    return {
      generatedAt: new Date().toISOString(),
      noticeVersion: PRIVACY_NOTICE.version,
      account: {
        id: viewer.id,
        email: viewer.email,
        displayName: viewer.displayName,
        role: viewer.role,
        createdAt: iso(viewer.createdAt)!,
        consentVersion: viewer.consentVersion ?? null,
        consentedAt: iso(viewer.consentedAt),
      },
      threads: threads.map((thread) => ({
        id: thread.id,
        kind: thread.kind,
        title: thread.title,
        body: thread.body,
        isPublic: thread.isPublic,
        status: thread.status,
        category: thread.category.name,
        place: thread.place.name,
        unit: thread.unit.name,
        address: thread.address ?? null,
        latitude: thread.latitude ?? null,
        longitude: thread.longitude ?? null,
        createdAt: iso(thread.createdAt)!,
      })),
      messages: messages.map((message) => ({
        id: message.id,
        threadId: message.thread.id,
        body: message.body,
        createdAt: iso(message.createdAt)!,
      })),
      ratings: threads
        .filter((thread) => thread.rating != null)
        .map((thread) => ({ threadId: thread.id, rating: thread.rating!, comment: thread.ratingComment ?? null })),
      supports: supports.map((support) => ({
        threadId: support.thread.id,
        title: support.thread.title,
        supportedAt: iso(support.createdAt)!,
      })),
      uploads: uploads.map((upload) => ({
        id: upload.id,
        threadId: upload.thread?.id ?? null,
        fileName: upload.fileName,
        contentType: upload.contentType,
        byteSize: upload.byteSize,
        uploadedAt: iso(upload.createdAt)!,
      })),
      consents: consents.map((consent) => ({
        noticeVersion: consent.noticeVersion,
        occasion: consent.occasion,
        givenAt: iso(consent.givenAt)!,
      })),
      requests: [...requests, ...(requests.some((entry) => entry.id === request.id) ? [] : [request])].map((entry) => ({
        id: entry.id,
        kind: entry.kind,
        requestedAt: iso(entry.requestedAt)!,
        completedAt: iso(entry.completedAt),
      })),
    };
  }
}
