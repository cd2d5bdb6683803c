import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll } from 'vitest';

export interface MailTrap {
  url: string;
  mails: ParsedMail[];
  /** Mails to one address, in arrival order. */
  to(address: string): ParsedMail[];
  /** Waits until `predicate` holds for the mails received, or fails after `ms`. */
  waitFor(predicate: (mails: ParsedMail[]) => boolean, ms?: number): Promise<void>;
}

/** A real SMTP server (smtp-server) on a free port in the test process; stopped after the file. */
export async function startMailTrap(): Promise<MailTrap> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.server.address() as AddressInfo;
  const addressesOf = (mail: ParsedMail): string[] =>
    (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((to) =>
      to.value.map((entry) => entry.address?.toLowerCase() ?? ''),
    );
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    to: (address) => mails.filter((mail) => addressesOf(mail).includes(address.toLowerCase())),
    async waitFor(predicate, ms = 15_000) {
      const deadline = Date.now() + ms;
      while (!predicate(mails)) {
        if (Date.now() > deadline) throw new Error(`mail trap: condition not met in ${ms} ms (${mails.length} mails)`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
