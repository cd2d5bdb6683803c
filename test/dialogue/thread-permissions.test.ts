import { describe, expect, it } from 'vitest';
import { FeedbackKind } from '../../server/src/dialogue/feedback-kind.js';
import { NO_ACCESS, type ThreadAccess } from '../../server/src/dialogue/thread-access.js';
import { threadPermissions } from '../../server/src/dialogue/thread-permissions.js';
import { ThreadStatus as S } from '../../server/src/dialogue/thread-status.js';

const READER: ThreadAccess = { ...NO_ACCESS, read: true };
const ACCESS = {
  reader: READER,
  citizen: { ...READER, support: true },
  author: { ...READER, author: true, support: true },
  officer: { ...READER, internal: true, officer: true, transfer: true, assign: true },
  'escalation officer': { ...READER, internal: true },
  admin: { ...READER, internal: true, transfer: true, assign: true },
} satisfies Record<string, ThreadAccess>;
type Who = keyof typeof ACCESS;

const initiative = (status: S, rating: number | null = null) => ({
  status,
  rating,
  isPublic: true,
  kind: FeedbackKind.INITIATIVE,
});

/** [who, status, reply, note, moves (to, * = reason), transfer, rate, reopen, support, assign] */
const TABLE: Array<[Who, S, boolean, boolean, string[], boolean, boolean, boolean, boolean, boolean]> = [
  ['reader', S.ROUTED, false, false, [], false, false, false, false, false],
  ['citizen', S.ROUTED, false, false, [], false, false, false, true, false],
  ['author', S.ROUTED, true, false, [], false, false, false, true, false],
  ['author', S.ANSWERED, true, false, ['REOPENED*'], false, false, true, true, false],
  ['author', S.RESOLVED, true, false, ['REOPENED*'], false, true, true, true, false],
  ['author', S.CLOSED, false, false, [], false, true, false, true, false],
  ['author', S.REJECTED, false, false, [], false, false, false, true, false],
  ['officer', S.ROUTED, true, true, ['ACKNOWLEDGED', 'REJECTED*'], true, false, false, false, true],
  ['officer', S.REOPENED, true, true, ['IN_PROGRESS', 'ANSWERED', 'REJECTED*'], true, false, false, false, true],
  ['officer', S.ANSWERED, true, true, ['RESOLVED'], false, false, false, false, true],
  ['officer', S.RESOLVED, true, true, ['CLOSED'], false, false, false, false, true],
  ['officer', S.CLOSED, false, false, [], false, false, false, false, false],
  ['escalation officer', S.ROUTED, false, false, [], false, false, false, false, false],
  ['admin', S.IN_PROGRESS, false, false, [], true, false, false, false, true],
  ['admin', S.ANSWERED, false, false, [], false, false, false, false, true],
];

describe('what a viewer may do with a thread', () => {
  it.each(TABLE)('%s, %s', (who, status, reply, note, moves, transfer, rate, reopen, support, assign) => {
    const can = threadPermissions(initiative(status), ACCESS[who]);
    expect(can).toEqual({
      reply,
      note,
      move: moves.map((move) => ({ to: move.replace('*', ''), reasonRequired: move.endsWith('*') })),
      transfer,
      // Closing as a duplicate follows the transfer rule exactly: who may hand it on, while it is open.
      markDuplicate: transfer,
      rate,
      reopen,
      support,
      assign,
    });
  });

  it('rates only once, and supports only public initiatives and petitions', () => {
    expect(threadPermissions(initiative(S.RESOLVED, 4), ACCESS.author).rate).toBe(false);
    expect(threadPermissions({ ...initiative(S.ROUTED), kind: FeedbackKind.REPORT }, ACCESS.citizen).support).toBe(
      false,
    );
    expect(threadPermissions({ ...initiative(S.ROUTED), isPublic: false }, ACCESS.author).support).toBe(false);
  });

  it('assigns inside the unit only while the thread takes messages', () => {
    expect(threadPermissions(initiative(S.CLOSED), ACCESS.officer).assign).toBe(false);
    expect(threadPermissions(initiative(S.REJECTED), ACCESS.admin).assign).toBe(false);
    expect(threadPermissions(initiative(S.ROUTED), ACCESS['escalation officer']).assign).toBe(false);
  });
});
