import { createHash } from 'node:crypto';
import type { User } from '../accounts/user.entity.js';
import type { PostFeedbackInput } from './thread.input.js';

export interface Idempotency {
  key: string;
  /** The poster the key belongs to; keys are unique only within a scope. */
  scope: string;
  /** SHA-256 of what was posted, so a replay with another post is told apart. */
  fingerprint: string;
  /** What an anonymous post's tracking code is derived from (with the server secret). */
  seed: string;
}

/** The post as stored (trimmed, ids in lower case): a retry from the same draft gives the same. */
export function requestFingerprint(input: PostFeedbackInput): string {
  const canonical = [
    input.kind,
    input.title.trim().normalize('NFC'),
    input.body.trim().normalize('NFC'),
    input.categoryId.toLowerCase(),
    input.placeId.toLowerCase(),
    input.isPublic,
    input.anonymous,
    // Only when given, so that the fingerprints of posts from before attachments and pins stay the same.
    ...(input.attachmentIds?.length ? [[...input.attachmentIds].map((id) => id.toLowerCase()).sort()] : []),
    ...(input.latitude != null ? [input.latitude, input.longitude] : []),
    ...(input.address?.trim() ? [input.address.trim().normalize('NFC')] : []),
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/**
 * An idempotency key cannot be borrowed. A signed-in poster's key lives in their account's scope;
 * an anonymous post's key in the scope of the post's own fingerprint — never the account of a
 * signed-in poster who chose anonymity, which would tie the thread to them. Someone else sending
 * the same key therefore lands in another scope and simply posts anew: they learn nothing, and
 * get neither the thread nor its tracking code (derived from scope and key).
 */
export function idempotencyOf(input: PostFeedbackInput, author: User | null): Idempotency {
  const key = input.idempotencyKey.toLowerCase();
  const fingerprint = requestFingerprint(input);
  const scope = author ? `account:${author.id}` : `anonymous:${fingerprint}`;
  return { key, scope, fingerprint, seed: `${scope}\n${key}` };
}
