import { createHash, createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * Tracking codes for anonymous posters: 16 characters (80 bits) derived from the post's
 * idempotency key with a server secret, so a retried post returns the same code while only
 * its hash is stored.
 */
export class TrackingCodes {
  constructor(private readonly secret: string) {}

  issue(idempotencyKey: string): string {
    const digest = createHmac('sha256', this.secret).update(`tracking-code:${idempotencyKey}`).digest();
    let code = '';
    for (let index = 0; index < 16; index += 1) code += ALPHABET[digest[index]! % ALPHABET.length];
    return code.match(/.{4}/g)!.join('-');
  }

  static hash(code: string): string {
    const canonical = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
    return createHash('sha256').update(canonical).digest('hex');
  }
}
