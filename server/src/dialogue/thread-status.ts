import { registerEnumType } from 'type-graphql';

export enum ThreadStatus {
  SUBMITTED = 'SUBMITTED',
  ROUTED = 'ROUTED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  IN_PROGRESS = 'IN_PROGRESS',
  ANSWERED = 'ANSWERED',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
  REOPENED = 'REOPENED',
  REJECTED = 'REJECTED',
}

registerEnumType(ThreadStatus, {
  name: 'ThreadStatus',
  description: 'Where a feedback thread stands.',
  valuesConfig: {
    SUBMITTED: { description: 'Posted, not yet routed (only for an instant inside the posting transaction).' },
    ROUTED: { description: 'Routed to the responsible unit, waiting for it to acknowledge.' },
    ACKNOWLEDGED: { description: 'The unit has acknowledged receipt (tiếp nhận).' },
    IN_PROGRESS: { description: 'The unit is working on it (đang xử lý).' },
    ANSWERED: { description: 'The unit has answered (đã trả lời).' },
    RESOLVED: { description: 'The matter is settled (đã giải quyết); the citizen can rate the answer.' },
    CLOSED: { description: 'Closed for good.' },
    REOPENED: { description: 'The citizen reopened it with a reason after an answer.' },
    REJECTED: { description: 'Out of the unit’s scope or not admissible, with a reason.' },
  },
});

/** Who asks for a move: an officer of the responsible unit, or the thread's author (or tracking-code holder). */
export type Mover = 'OFFICER' | 'AUTHOR';

interface Move {
  by: Mover;
  reasonRequired?: boolean;
}

const officer: Move = { by: 'OFFICER' };
const officerWithReason: Move = { by: 'OFFICER', reasonRequired: true };
const authorWithReason: Move = { by: 'AUTHOR', reasonRequired: true };

/** Every legal move. Anything absent is illegal; CLOSED and REJECTED are final. */
export const TRANSITIONS: Readonly<Record<ThreadStatus, Partial<Record<ThreadStatus, Move>>>> = {
  SUBMITTED: {},
  ROUTED: { ACKNOWLEDGED: officer, REJECTED: officerWithReason },
  ACKNOWLEDGED: { IN_PROGRESS: officer, ANSWERED: officer, REJECTED: officerWithReason },
  IN_PROGRESS: { ANSWERED: officer, REJECTED: officerWithReason },
  ANSWERED: { RESOLVED: officer, REOPENED: authorWithReason },
  RESOLVED: { CLOSED: officer, REOPENED: authorWithReason },
  REOPENED: { IN_PROGRESS: officer, ANSWERED: officer, REJECTED: officerWithReason },
  CLOSED: {},
  REJECTED: {},
};

export type TransitionCheck = 'ok' | 'illegal' | 'not-yours' | 'reason-required';

export function checkTransition(
  from: ThreadStatus,
  to: ThreadStatus,
  mover: Mover,
  reason?: string | null,
): TransitionCheck {
  const move = TRANSITIONS[from][to];
  if (!move) return 'illegal';
  if (move.by !== mover) return 'not-yours';
  if (move.reasonRequired && !reason?.trim()) return 'reason-required';
  return 'ok';
}

/** The moves a given mover may make from a status (the web app offers only these). */
export function movesFrom(from: ThreadStatus, mover: Mover): ThreadStatus[] {
  return (Object.entries(TRANSITIONS[from]) as Array<[ThreadStatus, Move]>)
    .filter(([, move]) => move.by === mover)
    .map(([to]) => to);
}

/** Statuses in which the unit still owes an answer, and in which a transfer makes sense. */
export const OPEN_STATUSES: readonly ThreadStatus[] = [
  ThreadStatus.ROUTED,
  ThreadStatus.ACKNOWLEDGED,
  ThreadStatus.IN_PROGRESS,
  ThreadStatus.REOPENED,
];
