import type { User } from '../accounts/user.entity.js';
import type { Thread } from './thread.entity.js';

/** How an action on a thread is shown, and the account (if any) stored with it. */
export interface Speaker {
  account: User | undefined;
  name: string;
}

/**
 * Who speaks when someone acts on a thread. Staff speak as themselves. The author of an anonymous
 * thread always speaks as the thread's anonymous name with no account attached, even when they are
 * signed in as well as holding the tracking code: nothing written for them may point to an account,
 * neither a name that is shown nor an `author`/`actor` key that is stored.
 */
export function speakerFor(thread: Thread, viewer: User | null, asAuthor: boolean): Speaker {
  if (asAuthor && !thread.author) return { account: undefined, name: thread.authorName };
  return { account: viewer ?? undefined, name: viewer?.displayName ?? thread.authorName };
}
