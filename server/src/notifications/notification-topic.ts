import { registerEnumType } from 'type-graphql';

/** What a notification tells; the text is a translated template chosen by this code (templates.ts). */
export enum NotificationTopic {
  ROUTED = 'ROUTED',
  REPLIED = 'REPLIED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  TRANSFERRED = 'TRANSFERRED',
  OVERDUE = 'OVERDUE',
  NEW_THREAD = 'NEW_THREAD',
  REOPENED = 'REOPENED',
  TRANSFERRED_IN = 'TRANSFERRED_IN',
  CITIZEN_REPLIED = 'CITIZEN_REPLIED',
  UNIT_OVERDUE = 'UNIT_OVERDUE',
  ESCALATED = 'ESCALATED',
  INITIATIVE_ANSWERED = 'INITIATIVE_ANSWERED',
}

registerEnumType(NotificationTopic, {
  name: 'NotificationTopic',
  description: 'What a notification is about.',
  valuesConfig: {
    ROUTED: { description: 'Your thread was routed to the unit responsible for it.' },
    REPLIED: { description: 'The unit replied in your thread.' },
    STATUS_CHANGED: { description: 'Your thread moved to another status (`toStatus`).' },
    TRANSFERRED: { description: 'Your thread was transferred to another unit.' },
    OVERDUE: { description: 'The unit missed a deadline on your thread.' },
    NEW_THREAD: { description: 'A new thread came to your unit.' },
    REOPENED: { description: "A citizen reopened one of your unit's threads." },
    TRANSFERRED_IN: { description: 'A thread was transferred to your unit.' },
    CITIZEN_REPLIED: { description: "The citizen answered back in one of your unit's threads." },
    UNIT_OVERDUE: { description: "One of your unit's threads is past a deadline." },
    ESCALATED: { description: 'An overdue thread was escalated (to monitors and the parent unit).' },
    INITIATIVE_ANSWERED: { description: 'An initiative you supported was answered.' },
  },
});

/** Topics an officer with the daily digest hears about in the digest rather than one e-mail each. */
export const DIGEST_TOPICS: ReadonlySet<NotificationTopic> = new Set([
  NotificationTopic.NEW_THREAD,
  NotificationTopic.REOPENED,
  NotificationTopic.TRANSFERRED_IN,
  NotificationTopic.CITIZEN_REPLIED,
  NotificationTopic.UNIT_OVERDUE,
]);
