import type { Client } from '@urql/core';
import { ref, type Ref } from 'vue';
import { config } from '../config';
import { PostFeedbackDocument, type PostFeedbackInput, type PostFeedbackMutation } from '../graphql/generated';
import { rememberTrackingCode } from './trackingCodes';

const KEY = `${config.storagePrefix}pendingPosts`;
const RETRY_MS = 20_000;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;
type Posted = PostFeedbackMutation['postFeedback'];

export type PendingPostNotice =
  { kind: 'sent'; posted: Posted } | { kind: 'refused'; input: PostFeedbackInput; error: unknown };

export interface PendingPostQueue {
  /** Posts kept and not yet accepted by the server. */
  pending: Ref<number>;
  /** What happened to kept posts, for the person to read; removed when dismissed. */
  notices: Ref<PendingPostNotice[]>;
  /** Keep a post that could not be sent (offline); it keeps its idempotency key. */
  keep(input: PostFeedbackInput): void;
  /** Send every kept post once; a post still unsent stays for the next try. */
  flush(): Promise<void>;
  /** Send what an earlier page load kept, and again whenever the browser comes back online. */
  start(target?: Pick<Window, 'addEventListener'>): void;
  dismiss(notice: PendingPostNotice): void;
}

function read(storage: Storage | undefined): PostFeedbackInput[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (item): item is PostFeedbackInput =>
        typeof (item as Partial<PostFeedbackInput> | null)?.idempotencyKey === 'string',
    );
  } catch {
    return [];
  }
}

/**
 * Posts made while offline, kept in localStorage across reloads and sent when the connection
 * returns. Never twice: a post leaves the store only once the server accepted it, one pass runs
 * at a time, and a retry carries the same idempotency key, for which the server returns the
 * thread it already made (even if another tab sent it first).
 */
export function createPendingPostQueue(
  client: Pick<Client, 'mutation'>,
  storage: Storage | undefined = globalThis.localStorage,
): PendingPostQueue {
  const pending = ref(read(storage).length);
  const notices = ref<PendingPostNotice[]>([]);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const write = (items: PostFeedbackInput[]) => {
    storage?.setItem(KEY, JSON.stringify(items));
    pending.value = items.length;
  };
  const remove = (key: string) => write(read(storage).filter((item) => item.idempotencyKey !== key));

  async function sendOne(input: PostFeedbackInput): Promise<'sent' | 'offline'> {
    const result = await client
      .mutation(PostFeedbackDocument, { input }, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.data) {
      const posted = result.data.postFeedback;
      if (posted.trackingCode) rememberTrackingCode(posted.thread.id, posted.trackingCode);
      remove(input.idempotencyKey);
      notices.value = [...notices.value, { kind: 'sent', posted }];
      return 'sent';
    }
    if (result.error?.networkError && result.error.graphQLErrors.length === 0) return 'offline';
    // Too many posts from this address for now: the server will take it later, so keep it.
    if (result.error?.graphQLErrors.some((error) => error.extensions?.code === 'RATE_LIMITED')) return 'offline';
    // The server looked at it and said no (e.g. the place no longer exists): retrying cannot help.
    remove(input.idempotencyKey);
    notices.value = [...notices.value, { kind: 'refused', input, error: result.error }];
    return 'sent';
  }

  async function sendAll(): Promise<void> {
    clearTimeout(timer);
    let offline = false;
    for (const input of read(storage)) {
      // Another tab may have sent it meanwhile.
      if (!read(storage).some((item) => item.idempotencyKey === input.idempotencyKey)) continue;
      if ((await sendOne(input)) === 'offline') {
        offline = true;
        break;
      }
    }
    // 'online' events are not reliable (a captive portal, a server restart): try again later too.
    if (offline) timer = setTimeout(() => void flush(), RETRY_MS);
  }

  /** One pass at a time: a second call while sending waits for the running one. */
  let running: Promise<void> | null = null;
  function flush(): Promise<void> {
    running ??= sendAll().finally(() => (running = null));
    return running;
  }

  return {
    pending,
    notices,
    keep(input) {
      write([...read(storage).filter((item) => item.idempotencyKey !== input.idempotencyKey), input]);
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), RETRY_MS);
    },
    flush,
    start(target = window) {
      target.addEventListener('online', () => void flush());
      if (pending.value > 0) void flush();
    },
    dismiss(notice) {
      notices.value = notices.value.filter((item) => item !== notice);
    },
  };
}

const queues = new WeakMap<object, PendingPostQueue>();

/** One queue per GraphQL client: the app's, or a test's. */
export function pendingPostsFor(client: Pick<Client, 'mutation'>): PendingPostQueue {
  let queue = queues.get(client);
  if (!queue) {
    queue = createPendingPostQueue(client);
    queues.set(client, queue);
  }
  return queue;
}
