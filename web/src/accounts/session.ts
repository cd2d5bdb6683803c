import { computed, reactive } from 'vue';
import { config } from '../config';
import type { Role, SessionUserFieldsFragment } from '../graphql/generated';

export type SessionUser = SessionUserFieldsFragment;

export interface StoredSession {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

const ROLES: readonly Role[] = ['CITIZEN', 'OFFICER', 'MONITOR', 'ADMIN'];

function isStoredSession(value: unknown): value is StoredSession {
  const candidate = value as Partial<StoredSession> | null;
  return (
    typeof candidate?.token === 'string' &&
    typeof candidate.expiresAt === 'string' &&
    typeof candidate.user?.id === 'string' &&
    ROLES.includes(candidate.user.role)
  );
}

/**
 * The signed-in session, kept in localStorage so it survives a reload. An expired or malformed
 * entry is dropped on load; the server still has the last word (UNAUTHENTICATED ends the session).
 */
export function createSession(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined,
  now = Date.now,
) {
  const key = `${config.storagePrefix}session`;
  const listeners = new Set<(token: string | null) => void>();

  function load(): StoredSession | null {
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(key) ?? 'null');
      if (isStoredSession(parsed) && Date.parse(parsed.expiresAt) > now()) return parsed;
    } catch {
      // A corrupt entry is treated as no session.
    }
    storage?.removeItem(key);
    return null;
  }

  const state = reactive<{ current: StoredSession | null; expired: boolean }>({ current: load(), expired: false });

  function set(next: StoredSession | null) {
    const changed = state.current?.token !== next?.token;
    state.current = next;
    if (next) storage?.setItem(key, JSON.stringify(next));
    else storage?.removeItem(key);
    if (changed) listeners.forEach((listener) => listener(next?.token ?? null));
  }

  return {
    user: computed(() => state.current?.user ?? null),
    role: computed<Role | null>(() => state.current?.user.role ?? null),
    isSignedIn: computed(() => state.current !== null),
    token: (): string | null => {
      if (state.current && Date.parse(state.current.expiresAt) <= now()) set(null);
      return state.current?.token ?? null;
    },
    /** True after the server refused the token: the person is told to sign in again. */
    expired: computed(() => state.expired),
    start: (payload: StoredSession) => {
      state.expired = false;
      set({ token: payload.token, expiresAt: payload.expiresAt, user: payload.user });
    },
    end: () => {
      state.expired = false;
      set(null);
    },
    /** The server refused the token (bad, expired or revoked by a password change): sign out locally. */
    expire: () => {
      if (state.current === null) return;
      set(null);
      state.expired = true;
    },
    dismissExpired: () => {
      state.expired = false;
    },
    onTokenChange(listener: (token: string | null) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type Session = ReturnType<typeof createSession>;

export const session: Session = createSession(globalThis.localStorage);
