import { createHmac, timingSafeEqual } from 'node:crypto';

export type BlobVariant = 'full' | 'thumbnail';

/**
 * Short-lived links to one variant of one attachment. A link is only made for a viewer who may
 * read it at that moment; whoever holds it may fetch the bytes until it expires, as with an
 * S3 pre-signed URL. Expiry is rounded up to a whole window so the same page load gives the
 * same link (the browser can cache the image).
 */
export class SignedUrls {
  constructor(
    private readonly secret: string,
    readonly ttlSeconds: number,
  ) {}

  private signature(id: string, variant: BlobVariant, expires: number): string {
    return createHmac('sha256', this.secret)
      .update(`attachment\n${id}\n${variant}\n${expires}`)
      .digest('base64url')
      .slice(0, 32);
  }

  /** The path and query of a link valid for at least ttlSeconds (and at most twice that). */
  sign(id: string, variant: BlobVariant, now = Date.now()): string {
    const window = this.ttlSeconds;
    const expires = (Math.floor(now / 1000 / window) + 2) * window;
    const path = variant === 'full' ? `/attachments/${id}` : `/attachments/${id}/thumbnail`;
    return `${path}?expires=${expires}&signature=${this.signature(id, variant, expires)}`;
  }

  /** Whether a link's query is one this server made for this attachment and variant, and still valid. */
  verify(id: string, variant: BlobVariant, expires: unknown, signature: unknown, now = Date.now()): boolean {
    if (typeof expires !== 'string' || typeof signature !== 'string' || !/^\d{1,12}$/.test(expires)) return false;
    const at = Number(expires);
    if (at * 1000 <= now) return false;
    const expected = Buffer.from(this.signature(id, variant, at));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
