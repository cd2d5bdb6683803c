import type { NotificationChannel, NotificationLanguage } from '../notification.entity.js';
import type { RenderedMessage } from '../templates.js';

/** Who one notification goes to on a channel; a channel uses what it needs. */
export interface DeliveryTarget {
  email: string | null;
  pushSubscriptions: Array<{ endpoint: string; p256dh: string; auth: string }>;
  language: NotificationLanguage;
}

export interface ChannelMessage {
  /** Stable for one notification on one channel: a resend carries the same key, so the channel (or the reader's mail client) can drop the duplicate. */
  key: string;
  rendered: RenderedMessage;
  /** Personal-data-free content for channels that pass through third parties (push services). */
  push: { topic: string; line: string; url: string };
  unsubscribeUrl: string;
}

export type SendOutcome =
  /** The channel accepted it. */
  | 'sent'
  /** Nothing to send on this channel for this target (no address, no subscription). */
  | 'skipped';

/**
 * One way to reach people. E-mail and Web Push are the two here; SMS or Zalo OA would be one
 * more file implementing this. `send` throws to have the job retried with backoff.
 */
export interface Channel {
  readonly name: NotificationChannel;
  send(target: DeliveryTarget, message: ChannelMessage): Promise<SendOutcome>;
  close?(): Promise<void> | void;
}
