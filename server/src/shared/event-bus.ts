import { Redis } from 'ioredis';
import type { Logger } from './logger.js';

/** Tells subscribers that the event log grew; the live hub then reads the new events once. */
export interface ThreadNotice {
  threadId: string;
  /** Units whose inbox the event concerns: the responsible unit, and any unit routed or escalated to. */
  unitIds: string[];
  isPublic: boolean;
  internal: boolean;
}

/** An account's older tokens stopped counting (password change, disabled, role or unit change). */
export interface AccountNotice {
  userId: string;
  /** Tokens carrying an older version are refused; open sockets opened with them are closed. */
  tokenVersion: number;
}

/** What travels on the bus, by topic. */
export interface BusTopics {
  threads: ThreadNotice[];
  accounts: AccountNotice;
}
export type Topic = keyof BusTopics;
export type Listener<T extends Topic> = (message: BusTopics[T]) => void;

export interface EventBus {
  publish<T extends Topic>(topic: T, message: BusTopics[T]): Promise<void>;
  /** Registers at once (no await), so nothing published after this call is missed. */
  listen<T extends Topic>(topic: T, listener: Listener<T>): () => void;
  close(): Promise<void>;
}

const TOPICS: readonly Topic[] = ['threads', 'accounts'];
const channelOf = (topic: Topic) => `nghe-dan:${topic}`;

/** In process without Redis; through Redis pub/sub with it, so every instance hears every message. */
export async function createEventBus(redisUrl: string | undefined, log: Logger): Promise<EventBus> {
  const listeners = new Map<Topic, Set<(message: unknown) => void>>(TOPICS.map((topic) => [topic, new Set()]));
  const deliver = (topic: Topic, message: unknown) => {
    for (const listener of listeners.get(topic) ?? []) {
      try {
        listener(message);
      } catch (error) {
        log.error({ err: error, topic }, 'event listener failed');
      }
    }
  };
  const listen = <T extends Topic>(topic: T, listener: Listener<T>) => {
    const set = listeners.get(topic)!;
    const untyped = listener as (message: unknown) => void;
    set.add(untyped);
    return () => void set.delete(untyped);
  };
  const clear = () => listeners.forEach((set) => set.clear());

  if (!redisUrl) {
    return {
      publish: async (topic, message) => queueMicrotask(() => deliver(topic, message)),
      listen,
      close: async () => clear(),
    };
  }

  const publisher = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(redisUrl, { lazyConnect: true });
  for (const client of [publisher, subscriber]) client.on('error', (error) => log.warn({ err: error }, 'redis'));
  await Promise.all([publisher.connect(), subscriber.connect()]);
  await subscriber.subscribe(...TOPICS.map(channelOf));
  subscriber.on('message', (channel: string, message: string) => {
    const topic = TOPICS.find((candidate) => channelOf(candidate) === channel);
    if (!topic) return;
    try {
      deliver(topic, JSON.parse(message));
    } catch (error) {
      log.warn({ err: error, topic }, 'unreadable bus message');
    }
  });
  return {
    publish: async (topic, message) => {
      await publisher.publish(channelOf(topic), JSON.stringify(message));
    },
    listen,
    close: async () => {
      clear();
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
