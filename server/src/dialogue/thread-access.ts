import { Role } from '../accounts/role.js';

/** What authorization needs to know of a viewer (an account, or what a live stream kept of it). */
export interface Viewer {
  id: string;
  role: Role;
  unit?: { id: string } | null;
}

/** What authorization needs to know of a thread. */
export interface ThreadScope {
  isPublic: boolean;
  authorId: string | null;
  unitId: string;
  escalatedToId: string | null;
}

export interface ThreadAccess {
  /** May read the thread and its public messages and events. */
  read: boolean;
  /** May also read internal notes and internal events. */
  internal: boolean;
  /** Speaks for the responsible unit: replies, moves the status, transfers. */
  officer: boolean;
  /** The author, or the holder of the tracking code: answers back, reopens, rates. */
  author: boolean;
}

export const NO_ACCESS: ThreadAccess = { read: false, internal: false, officer: false, author: false };

/** The one rule for who may do what with a thread; queries and live events both go through it. */
export function threadAccess(thread: ThreadScope, viewer: Viewer | null, holdsTrackingCode = false): ThreadAccess {
  const author = holdsTrackingCode || (viewer !== null && thread.authorId === viewer.id);
  const viewerUnitId = viewer?.role === Role.OFFICER ? (viewer.unit?.id ?? null) : null;
  const officer = viewerUnitId !== null && viewerUnitId === thread.unitId;
  const staff =
    officer ||
    (viewerUnitId !== null && viewerUnitId === thread.escalatedToId) ||
    viewer?.role === Role.MONITOR ||
    viewer?.role === Role.ADMIN;
  return { read: thread.isPublic || author || staff, internal: staff, officer, author };
}

/**
 * Whether a viewer reads a thread's texts as written, phone numbers, e-mail addresses and ID
 * numbers included: its author (or the holder of its tracking code) and the staff who work it
 * (internal access). Everyone else reads them masked (shared/personal-data.ts).
 */
export function readsPersonalData(access: ThreadAccess): boolean {
  return access.author || access.internal;
}
