import type { EntityManager } from '@mikro-orm/postgresql';
import { ConsentRequiredError } from '../shared/errors.js';
import { PRIVACY_NOTICE } from '../shared/privacy-notice.js';
import { ConsentOccasion } from './consent.entity.js';
import type { User } from './user.entity.js';

export { ConsentOccasion };

/** Whether the account has agreed to the notice in force. */
export const hasCurrentConsent = (user: Pick<User, 'consentVersion'>): boolean =>
  user.consentVersion === PRIVACY_NOTICE.version;

/**
 * The rule for sign-up and posting: the notice in force must be agreed to, now (`given`, the
 * version the client showed) or earlier by the account. Returns whether `given` is a new agreement
 * to record; throws CONSENT_REQUIRED otherwise.
 */
export function checkConsent(given: string | null | undefined, account: Pick<User, 'consentVersion'> | null): boolean {
  if (given === PRIVACY_NOTICE.version) return !account || !hasCurrentConsent(account);
  if (account && hasCurrentConsent(account)) return false;
  throw new ConsentRequiredError(PRIVACY_NOTICE.version);
}

/** Records an agreement to the notice in force: on the account (flushed by the caller's unit of work) and in the history. */
export async function recordConsent(
  em: EntityManager,
  occasion: ConsentOccasion,
  target: { user: User } | { threadId: string },
): Promise<void> {
  const givenAt = new Date();
  if ('user' in target) {
    target.user.consentVersion = PRIVACY_NOTICE.version;
    target.user.consentedAt = givenAt;
  }
  // Through `em.execute`, so that it runs in the caller's transaction when there is one.
  await em.execute(
    em
      .getKnex()('consents')
      .insert({
        user_id: 'user' in target ? target.user.id : null,
        thread_id: 'threadId' in target ? target.threadId : null,
        notice_version: PRIVACY_NOTICE.version,
        occasion,
        given_at: givenAt,
      }),
  );
}
