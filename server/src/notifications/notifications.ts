import type { MikroORM } from '@mikro-orm/postgresql';
import type { Router } from 'express';
import type { NotificationConfig } from '../config.js';
import type { Logger } from '../shared/logger.js';
import type { Channel } from './channels/channel.js';
import { EmailChannel } from './channels/email.channel.js';
import { PushChannel, resolveVapidKeys, type VapidKeys } from './channels/push.channel.js';
import type { DeliveryDeps } from './deliver.js';
import { type NotificationChannel } from './notification.entity.js';
import { UnsubscribeTokens } from './unsubscribe-token.js';
import { unsubscribeRouter } from './unsubscribe.route.js';
import { NotificationWorker } from './worker.js';

/** The notification side of one instance: its channels, the unsubscribe page and its worker. */
export class Notifications {
  private worker: NotificationWorker | undefined;
  readonly tokens: UnsubscribeTokens;
  readonly vapid: VapidKeys;
  readonly router: Router;
  private readonly channels: Channel[];

  constructor(
    private readonly orm: MikroORM,
    private readonly config: NotificationConfig,
    secret: string,
    dataDir: string,
    private readonly log: Logger,
  ) {
    this.tokens = new UnsubscribeTokens(secret);
    this.vapid = resolveVapidKeys(
      { publicKey: config.vapidPublicKey, privateKey: config.vapidPrivateKey, subject: config.vapidSubject },
      dataDir,
    );
    this.router = unsubscribeRouter(orm, this.tokens);
    this.channels = [
      new EmailChannel(
        {
          smtpUrl: config.smtpUrl,
          from: config.mailFrom,
          mailDir: config.mailDir,
          messageIdDomain: 'nghedan',
        },
        log,
      ),
      new PushChannel(this.vapid, async (endpoint) => {
        await orm.em.fork().execute(`delete from push_subscriptions where endpoint = ?`, [endpoint]);
      }),
    ];
    if (!config.smtpUrl) log.info({ mailDir: config.mailDir }, 'no SMTP_URL: e-mails are written as .eml files');
  }

  /** What the delivery task needs; `publicUrl` is this server's address unless PUBLIC_URL says otherwise. */
  deliveryDeps(publicUrl: string, afterSend?: DeliveryDeps['afterSend']): DeliveryDeps {
    return {
      channels: new Map<NotificationChannel, Channel>(this.channels.map((channel) => [channel.name, channel])),
      tokens: this.tokens,
      publicUrl: this.config.publicUrl ?? publicUrl,
      afterSend,
    };
  }

  async startWorker(serverUrl: string): Promise<void> {
    if (this.config.workerConcurrency === 0) return;
    this.worker = await NotificationWorker.start(
      this.orm,
      this.deliveryDeps(serverUrl),
      { concurrency: this.config.workerConcurrency, contactRetentionDays: this.config.contactRetentionDays },
      this.log,
    );
  }

  async stop(): Promise<void> {
    await this.worker?.stop();
    this.worker = undefined;
    for (const channel of this.channels) await channel.close?.();
  }
}
