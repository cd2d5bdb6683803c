import type { Role } from '../accounts/role.js';
import {
  eventAudience,
  readsPersonalData,
  threadAccess,
  type ThreadAccess,
  type ThreadScope,
} from '../dialogue/thread-access.js';
import { maskPersonalData } from '../shared/personal-data.js';

/**
 * Notifications follow the one authorization rule (dialogue/thread-access.ts): a person is told of
 * an event only when they may see it in the thread now, and a message quotes the thread's title
 * as they would read it there — as written for its author and staff, masked for everyone else.
 */

/** An account as the rule needs it, or the contact an anonymous poster left (they hold the tracking code). */
export type Reader = { userId: string; role: Role; unitId: string | null } | { contact: true };

/** The thread's scope from raw columns (the worker reads with SQL). */
export interface ScopeRow {
  is_public: boolean;
  author_id: string | null;
  unit_id: string;
  escalated_to_id: string | null;
}

export const scopeOfRow = (row: ScopeRow): ThreadScope => ({
  isPublic: row.is_public,
  authorId: row.author_id,
  unitId: row.unit_id,
  escalatedToId: row.escalated_to_id,
});

export function recipientAccess(scope: ThreadScope, reader: Reader): ThreadAccess {
  if ('contact' in reader) return threadAccess(scope, null, true);
  return threadAccess(scope, {
    id: reader.userId,
    role: reader.role,
    unit: reader.unitId ? { id: reader.unitId } : null,
  });
}

/** Whether the recipient may be told of the event: they would see it in the thread. */
export const mayBeTold = (access: ThreadAccess, event: { internal: boolean }): boolean =>
  eventAudience(access, event) !== null;

/** The thread's title as the recipient reads it in the app. */
export const titleFor = (access: ThreadAccess, title: string): string =>
  readsPersonalData(access) ? title : maskPersonalData(title);
