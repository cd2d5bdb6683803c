import { OPEN_STATUSES, ThreadStatus } from './thread-status.js';

/**
 * Which deadline a thread is waiting on, and how urgent it is: one rule for the inbox order
 * (the SQL twins below, stored as generated columns) and for what every card says.
 */
export enum DeadlineKind {
  ACKNOWLEDGE = 'ACKNOWLEDGE',
  ANSWER = 'ANSWER',
}

export interface DeadlineFields {
  status: ThreadStatus;
  acknowledgedAt?: Date | null;
  answeredAt?: Date | null;
  acknowledgeDueAt: Date;
  answerDueAt: Date;
}

/** The deadline the unit must still meet: acknowledging a routed thread, then answering it. */
export function pendingDeadline(thread: DeadlineFields): { kind: DeadlineKind; dueAt: Date } | null {
  if (thread.status === ThreadStatus.ROUTED && !thread.acknowledgedAt)
    return { kind: DeadlineKind.ACKNOWLEDGE, dueAt: thread.acknowledgeDueAt };
  if (OPEN_STATUSES.includes(thread.status) && !thread.answeredAt)
    return { kind: DeadlineKind.ANSWER, dueAt: thread.answerDueAt };
  return null;
}

/** 0: a deadline pending; 1: open without one (reopened after an answer); 2: finished. */
export function urgencyRank(thread: DeadlineFields): number {
  if (pendingDeadline(thread)) return 0;
  return OPEN_STATUSES.includes(thread.status) ? 1 : 2;
}

const OPEN_SQL = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');
/** SQL twin of {@link urgencyRank}, on the threads table. */
export const URGENCY_RANK_SQL = `case when "status" = '${ThreadStatus.ROUTED}' and "acknowledged_at" is null then 0 when "status" in (${OPEN_SQL}) and "answered_at" is null then 0 when "status" in (${OPEN_SQL}) then 1 else 2 end`;
/** SQL twin of {@link pendingDeadline}'s `dueAt`; the answer deadline when none is pending. */
export const URGENT_AT_SQL = `case when "status" = '${ThreadStatus.ROUTED}' and "acknowledged_at" is null then "acknowledge_due_at" else "answer_due_at" end`;
