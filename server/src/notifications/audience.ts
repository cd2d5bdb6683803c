import { FeedbackKind } from '../dialogue/feedback-kind.js';
import { ThreadEventType } from '../dialogue/thread-event.entity.js';
import { ThreadStatus } from '../dialogue/thread-status.js';
import { NotificationTopic } from './notification-topic.js';

/** Who is told, before it is resolved into accounts (or an anonymous poster's contact). */
export type Audience = { to: 'AUTHOR' } | { to: 'UNIT'; unitId: string } | { to: 'MONITORS' } | { to: 'SUPPORTERS' };

export interface EventFacts {
  type: ThreadEventType;
  internal: boolean;
  toStatus: ThreadStatus | null;
  toUnitId: string | null;
  /** The thread's author (or tracking-code holder) did it. */
  byAuthor: boolean;
}

export interface ThreadFacts {
  kind: FeedbackKind;
  unitId: string;
}

export interface Told {
  audience: Audience;
  topic: NotificationTopic;
}

/**
 * The one rule of who hears what: the author on every public change of their thread; the
 * responsible unit's officers on new, reopened, transferred-in, answered-back and overdue threads;
 * the monitors (and the unit escalated to) on escalations; supporters on an initiative's answer.
 * Nobody is told of their own action (the caller drops the actor); internal notes tell nobody.
 */
export function whoIsTold(event: EventFacts, thread: ThreadFacts): Told[] {
  if (event.internal) return [];
  const unit = (unitId: string | null): Audience => ({ to: 'UNIT', unitId: unitId ?? thread.unitId });
  const author: Audience = { to: 'AUTHOR' };
  switch (event.type) {
    case ThreadEventType.ROUTED:
      return [
        { audience: author, topic: NotificationTopic.ROUTED },
        { audience: unit(event.toUnitId), topic: NotificationTopic.NEW_THREAD },
      ];
    case ThreadEventType.MESSAGE:
      return event.byAuthor
        ? [{ audience: unit(null), topic: NotificationTopic.CITIZEN_REPLIED }]
        : [{ audience: author, topic: NotificationTopic.REPLIED }];
    case ThreadEventType.STATUS_CHANGED: {
      if (event.byAuthor) {
        return event.toStatus === ThreadStatus.REOPENED
          ? [{ audience: unit(null), topic: NotificationTopic.REOPENED }]
          : [];
      }
      const told: Told[] = [{ audience: author, topic: NotificationTopic.STATUS_CHANGED }];
      if (event.toStatus === ThreadStatus.ANSWERED && thread.kind === FeedbackKind.INITIATIVE) {
        told.push({ audience: { to: 'SUPPORTERS' }, topic: NotificationTopic.INITIATIVE_ANSWERED });
      }
      return told;
    }
    case ThreadEventType.TRANSFERRED:
      return [
        { audience: author, topic: NotificationTopic.TRANSFERRED },
        { audience: unit(event.toUnitId), topic: NotificationTopic.TRANSFERRED_IN },
      ];
    case ThreadEventType.OVERDUE:
      return [
        { audience: author, topic: NotificationTopic.OVERDUE },
        { audience: unit(null), topic: NotificationTopic.UNIT_OVERDUE },
      ];
    case ThreadEventType.ESCALATED:
      return [
        { audience: { to: 'MONITORS' }, topic: NotificationTopic.ESCALATED },
        ...(event.toUnitId ? [{ audience: unit(event.toUnitId), topic: NotificationTopic.ESCALATED }] : []),
      ];
    // Closed as a duplicate: for its author, a status change (the e-mail links to the thread, whose
    // timeline points to the original).
    case ThreadEventType.DUPLICATE:
      return [{ audience: author, topic: NotificationTopic.STATUS_CHANGED }];
    case ThreadEventType.POSTED:
    case ThreadEventType.INTERNAL_NOTE:
    case ThreadEventType.SUPPORTED:
    case ThreadEventType.RATED:
    case ThreadEventType.ASSIGNED: // internal: the assignee sees it in the inbox, nobody is mailed
    case ThreadEventType.UNASSIGNED:
      return [];
  }
}
