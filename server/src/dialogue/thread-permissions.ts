import { SUPPORTABLE_KINDS, type FeedbackKind } from './feedback-kind.js';
import type { ThreadAccess } from './thread-access.js';
import { OPEN_STATUSES, ThreadStatus, TRANSITIONS, type Mover } from './thread-status.js';

/**
 * What a viewer may do with a thread now: their rights (thread-access.ts) combined with where the
 * thread stands (thread-status.ts). The mutations refuse exactly what this does not allow, and the
 * web app renders its buttons from it (Thread.viewerCan), so neither restates the rules.
 */

/** A thread takes messages (replies, answers back, notes) until it is closed or rejected. */
export const acceptsMessages = (status: ThreadStatus): boolean =>
  status !== ThreadStatus.CLOSED && status !== ThreadStatus.REJECTED;

/** The author rates the answer once the matter is settled. */
export const isRateable = (status: ThreadStatus): boolean =>
  status === ThreadStatus.RESOLVED || status === ThreadStatus.CLOSED;

/** A thread is handed to another unit only while the unit still owes an answer. */
export const isTransferable = (status: ThreadStatus): boolean => OPEN_STATUSES.includes(status);

/** Someone of the unit is put in charge while the thread still takes messages. */
export const isAssignable = (status: ThreadStatus): boolean => acceptsMessages(status);

/** Other citizens support public initiatives and petitions. */
export const isSupportable = (thread: { isPublic: boolean; kind: FeedbackKind }): boolean =>
  thread.isPublic && SUPPORTABLE_KINDS.includes(thread.kind);

/** Who writes what: the unit and the author write messages; only the unit writes internal notes. */
export const mayWrite = (access: ThreadAccess, internal: boolean): boolean =>
  internal ? access.officer : access.officer || access.author;

export interface StatusMove {
  to: ThreadStatus;
  reasonRequired: boolean;
}

/** The status moves this viewer may make from `status`: the unit's as an officer, reopening as the author. */
export function movesFor(status: ThreadStatus, access: ThreadAccess): StatusMove[] {
  const movers: Mover[] = [
    ...(access.officer ? ['OFFICER' as const] : []),
    ...(access.author ? ['AUTHOR' as const] : []),
  ];
  return Object.entries(TRANSITIONS[status]).flatMap(([to, move]) =>
    movers.includes(move.by) ? [{ to: to as ThreadStatus, reasonRequired: move.reasonRequired ?? false }] : [],
  );
}

export interface ThreadPermissions {
  reply: boolean;
  note: boolean;
  move: StatusMove[];
  transfer: boolean;
  /** Close it as a duplicate of another thread: whoever may transfer it, while it is open. */
  markDuplicate: boolean;
  rate: boolean;
  reopen: boolean;
  support: boolean;
  assign: boolean;
}

export interface PermissionSubject {
  status: ThreadStatus;
  isPublic: boolean;
  kind: FeedbackKind;
  rating?: number | null;
}

export function threadPermissions(thread: PermissionSubject, access: ThreadAccess): ThreadPermissions {
  const open = acceptsMessages(thread.status);
  const move = movesFor(thread.status, access);
  return {
    reply: open && mayWrite(access, false),
    note: open && mayWrite(access, true),
    move,
    transfer: access.transfer && isTransferable(thread.status),
    markDuplicate: access.transfer && isTransferable(thread.status),
    rate: access.author && isRateable(thread.status) && thread.rating == null,
    reopen: move.some((candidate) => candidate.to === ThreadStatus.REOPENED),
    support: access.support && isSupportable(thread),
    assign: access.assign && isAssignable(thread.status),
  };
}
