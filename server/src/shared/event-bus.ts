import { Redis } from 'ioredis';
import type { Logger } from './logger.js';

/** Tells subscribers that the event log grew; they read the events themselves, with their own rights. */
export interface ThreadNotice {
  threadId: string;
  /** Units whose inbox the event concerns: the responsible unit, and any unit routed or escalated to. */
  unitIds: string[];
  isPublic: boolean;
  internal: boolean;
}

export type NoticeListener = (notices: ThreadNotice[]) => void;

export interface EventBus {
  publish(notices: ThreadNotice[]): Promise<void>;
  /** Registers at once (no await), so nothing published after this call is missed. */
  listen(listener: NoticeListener): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'nghe-dan:thread-events';

/** In process without Redis; through Redis pub/sub with it, so every instance hears every event. */
export async function createEventBus(redisUrl: string | undefined, log: Logger): Promise<EventBus> {
  const listeners = new Set<NoticeListener>();
  const deliver = (notices: ThreadNotice[]) => {
    for (const listener of listeners) {
      try {
        listener(notices);
      } catch (error) {
        log.error({ err: error }, 'event listener failed');
      }
    }
  };
  const listen = (listener: NoticeListener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };

  if (!redisUrl) {
    return {
      publish: async (notices) => queueMicrotask(() => deliver(notices)),
      listen,
      close: async () => listeners.clear(),
    };
  }

  const publisher = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(redisUrl, { lazyConnect: true });
  for (const client of [publisher, subscriber]) client.on('error', (error) => log.warn({ err: error }, 'redis'));
  await Promise.all([publisher.connect(), subscriber.connect()]);
  await subscriber.subscribe(CHANNEL);
  subscriber.on('message', (_channel: string, message: string) => {
    try {
      deliver(JSON.parse(message) as ThreadNotice[]);
    } catch (error) {
      log.warn({ err: error }, 'unreadable event notice');
    }
  });
  return {
    publish: async (notices) => {
      await publisher.publish(CHANNEL, JSON.stringify(notices));
    },
    listen,
    close: async () => {
      listeners.clear();
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
