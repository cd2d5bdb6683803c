import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from '../../shared/logger.js';
import { NotificationChannel } from '../notification.entity.js';
import type { Channel, ChannelMessage, DeliveryTarget, SendOutcome } from './channel.js';

export interface EmailSettings {
  /** smtp:// or smtps:// URL of the relay; unset: messages are written as .eml files to `mailDir`. */
  smtpUrl: string | undefined;
  from: string;
  mailDir: string;
  /** Host part of the Message-ID (the public host name). */
  messageIdDomain: string;
}

/**
 * E-mail through nodemailer. The Message-ID is derived from the notification and channel, so a
 * message sent twice (a crash between sending and recording it) carries the same Message-ID and
 * mail clients and archives treat the second as a duplicate of the first.
 */
export class EmailChannel implements Channel {
  readonly name = NotificationChannel.EMAIL;
  private readonly transport: Transporter;

  constructor(
    private readonly settings: EmailSettings,
    private readonly log: Logger,
  ) {
    this.transport = settings.smtpUrl
      ? nodemailer.createTransport(settings.smtpUrl)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(target: DeliveryTarget, message: ChannelMessage): Promise<SendOutcome> {
    if (!target.email) return 'skipped';
    const messageId = `<${message.key}@${this.settings.messageIdDomain}>`;
    const info = await this.transport.sendMail({
      from: this.settings.from,
      to: target.email,
      subject: message.rendered.subject,
      text: message.rendered.text,
      html: message.rendered.html,
      messageId,
      headers: {
        'Content-Language': target.language,
        'List-Unsubscribe': `<${message.unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'Auto-Submitted': 'auto-generated',
      },
    });
    if (!this.settings.smtpUrl) {
      const file = path.join(this.settings.mailDir, `${message.key}.eml`);
      await mkdir(this.settings.mailDir, { recursive: true });
      await writeFile(file, (info as { message: Buffer }).message);
      this.log.info({ file }, 'e-mail written (no SMTP_URL set)');
    }
    return 'sent';
  }

  close(): void {
    this.transport.close();
  }
}
