import { describe, expect, it } from 'vitest';
import { checkTransition, movesFrom, ThreadStatus as S, type Mover } from '../../server/src/dialogue/thread-status.js';

const ALL = Object.values(S);

/** The whole legal table, written out by hand: [from, to, mover, reason required]. */
const LEGAL: Array<[S, S, Mover, boolean]> = [
  [S.ROUTED, S.ACKNOWLEDGED, 'OFFICER', false],
  [S.ROUTED, S.REJECTED, 'OFFICER', true],
  [S.ACKNOWLEDGED, S.IN_PROGRESS, 'OFFICER', false],
  [S.ACKNOWLEDGED, S.ANSWERED, 'OFFICER', false],
  [S.ACKNOWLEDGED, S.REJECTED, 'OFFICER', true],
  [S.IN_PROGRESS, S.ANSWERED, 'OFFICER', false],
  [S.IN_PROGRESS, S.REJECTED, 'OFFICER', true],
  [S.ANSWERED, S.RESOLVED, 'OFFICER', false],
  [S.ANSWERED, S.REOPENED, 'AUTHOR', true],
  [S.RESOLVED, S.CLOSED, 'OFFICER', false],
  [S.RESOLVED, S.REOPENED, 'AUTHOR', true],
  [S.REOPENED, S.IN_PROGRESS, 'OFFICER', false],
  [S.REOPENED, S.ANSWERED, 'OFFICER', false],
  [S.REOPENED, S.REJECTED, 'OFFICER', true],
];

describe('thread status machine', () => {
  it.each(LEGAL)('%s → %s is allowed to the %s', (from, to, mover, reasonRequired) => {
    expect(checkTransition(from, to, mover, 'lý do')).toBe('ok');
    expect(checkTransition(from, to, mover, reasonRequired ? '  ' : undefined)).toBe(
      reasonRequired ? 'reason-required' : 'ok',
    );
    expect(checkTransition(from, to, mover === 'OFFICER' ? 'AUTHOR' : 'OFFICER', 'lý do')).toBe('not-yours');
  });

  const illegal = ALL.flatMap((from) =>
    ALL.filter((to) => !LEGAL.some(([f, t]) => f === from && t === to)).map((to) => [from, to] as const),
  );
  it.each(illegal)('%s → %s is illegal for everyone', (from, to) => {
    expect(checkTransition(from, to, 'OFFICER', 'lý do')).toBe('illegal');
    expect(checkTransition(from, to, 'AUTHOR', 'lý do')).toBe('illegal');
  });

  it('offers each mover only its own moves', () => {
    expect(movesFrom(S.ANSWERED, 'OFFICER')).toEqual([S.RESOLVED]);
    expect(movesFrom(S.ANSWERED, 'AUTHOR')).toEqual([S.REOPENED]);
    expect(movesFrom(S.CLOSED, 'OFFICER')).toEqual([]);
  });
});
