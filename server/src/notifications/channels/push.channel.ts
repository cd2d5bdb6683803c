import { createHash } from 'node:crypto';
import type { Agent } from 'node:https';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import webpush, { WebPushError } from 'web-push';
import { NotificationChannel } from '../notification.entity.js';
import type { Channel, ChannelMessage, DeliveryTarget, SendOutcome } from './channel.js';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** mailto: or https: contact the push services may use. */
  subject: string;
}

/** VAPID keys from the configuration, or generated once into the data folder (like the JWT secret). */
export function resolveVapidKeys(
  configured: { publicKey?: string; privateKey?: string; subject: string },
  dataDir: string,
): VapidKeys {
  if (configured.publicKey && configured.privateKey) {
    return { publicKey: configured.publicKey, privateKey: configured.privateKey, subject: configured.subject };
  }
  const file = path.join(dataDir, 'vapid.json');
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
    return { ...stored, subject: configured.subject };
  }
  const keys = webpush.generateVAPIDKeys();
  mkdirSync(dataDir, { recursive: true });
  // Written aside and renamed: two processes starting together never read half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(keys)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
  return { ...keys, subject: configured.subject };
}

/**
 * Web Push through the web-push library (VAPID, aes128gcm payload encryption). The payload names
 * only the topic and the thread's link: it crosses the browser vendor's push service, so it
 * carries no title, text or name. The Topic header is derived from the notification, so a
 * resend replaces an undelivered first copy at the push service.
 */
export class PushChannel implements Channel {
  readonly name = NotificationChannel.PUSH;

  constructor(
    private readonly keys: VapidKeys,
    private readonly onGone: (endpoint: string) => Promise<void>,
    /** An HTTPS agent for the push services (tests pass one that trusts their local endpoint). */
    private readonly agent?: Agent,
  ) {}

  async send(target: DeliveryTarget, message: ChannelMessage): Promise<SendOutcome> {
    if (target.pushSubscriptions.length === 0) return 'skipped';
    const payload = JSON.stringify({ topic: message.push.topic, body: message.push.line, url: message.push.url });
    const topic = createHash('sha256').update(message.key).digest('base64url').slice(0, 32);
    let sent = 0;
    for (const subscription of target.pushSubscriptions) {
      try {
        await webpush.sendNotification(
          { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
          payload,
          {
            vapidDetails: this.keys,
            TTL: 7 * 24 * 3600,
            topic,
            urgency: 'normal',
            contentEncoding: 'aes128gcm',
            ...(this.agent ? { agent: this.agent } : {}),
          },
        );
        sent += 1;
      } catch (error) {
        if (error instanceof WebPushError && (error.statusCode === 404 || error.statusCode === 410)) {
          await this.onGone(subscription.endpoint);
          continue;
        }
        throw error;
      }
    }
    return sent > 0 ? 'sent' : 'skipped';
  }
}
