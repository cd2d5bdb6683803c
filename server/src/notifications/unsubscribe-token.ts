import { createHmac, timingSafeEqual } from 'node:crypto';

/** Who an unsubscribe link speaks for: an account, or the contact an anonymous poster left on a thread. */
export type UnsubscribeSubject = { kind: 'user'; id: string } | { kind: 'contact'; threadId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Signed, non-expiring unsubscribe tokens (a link in an old e-mail must still work). HMAC with
 * the server secret under its own label, so the token proves nothing anywhere else.
 */
export class UnsubscribeTokens {
  constructor(private readonly secret: string) {}

  issue(subject: UnsubscribeSubject): string {
    const body = subject.kind === 'user' ? `user:${subject.id}` : `contact:${subject.threadId}`;
    return `${Buffer.from(body).toString('base64url')}.${this.mac(body)}`;
  }

  /** The subject, or null for anything forged, truncated or malformed. */
  read(token: unknown): UnsubscribeSubject | null {
    if (typeof token !== 'string' || token.length > 200) return null;
    const [encoded, mac, extra] = token.split('.');
    if (!encoded || !mac || extra !== undefined) return null;
    const body = Buffer.from(encoded, 'base64url').toString('utf8');
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const [kind, id] = body.split(':');
    if (!id || !UUID.test(id)) return null;
    if (kind === 'user') return { kind: 'user', id };
    if (kind === 'contact') return { kind: 'contact', threadId: id };
    return null;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(`nghedan/unsubscribe/${body}`).digest('base64url');
  }
}
