import { describe, expect, it } from 'vitest';
import { analyse } from '../../server/src/scripts/live-bench/report.js';
import { sees, type Audience, type LogEvent, type ThreadInfo } from '../../server/src/scripts/live-bench/scenario.js';

const publicThread: ThreadInfo = { id: 't1', isPublic: true, unitId: 'u1', unitCode: 'LH.NB' };
const privateThread: ThreadInfo = { id: 't2', isPublic: false, unitId: 'u2', unitCode: 'LH.PT' };
const event = (threadId: string, internal = false): LogEvent => ({
  cursor: '1',
  type: internal ? 'INTERNAL_NOTE' : 'MESSAGE',
  internal,
  threadId,
  message: null,
});

describe('who the bench expects to see an event', () => {
  it.each<[string, Audience, LogEvent, ThreadInfo, boolean]>([
    ['the board, a public message', { kind: 'board' }, event('t1'), publicThread, true],
    ['the board, an internal note', { kind: 'board' }, event('t1', true), publicThread, false],
    ['the board, a private thread', { kind: 'board' }, event('t2'), privateThread, false],
    ['the follower, its private thread', { kind: 'thread', threadId: 't2' }, event('t2'), privateThread, true],
    ['the follower, an internal note', { kind: 'thread', threadId: 't2' }, event('t2', true), privateThread, false],
    ['the follower, another thread', { kind: 'thread', threadId: 't2' }, event('t1'), publicThread, false],
    ['the unit, an internal note', { kind: 'inbox', unitId: 'u2' }, event('t2', true), privateThread, true],
    ['another unit', { kind: 'inbox', unitId: 'u1' }, event('t2'), privateThread, false],
    ['a monitor, an internal note', { kind: 'monitor' }, event('t2', true), privateThread, true],
  ])('%s', (_case, audience, logEvent, thread, expected) => {
    expect(sees(audience, logEvent, thread)).toBe(expected);
  });
});

describe('what the bench counts', () => {
  it('times expected deliveries from the send and counts lost, duplicated and leaked ones apart', () => {
    const outcome = analyse(
      [
        { key: 0, cursors: ['1', '2', '2'], times: [110, 150, 160] },
        { key: 1, cursors: ['1', '3'], times: [130, 140] },
      ],
      {
        expected: () => new Set(['1', '2']),
        eventOf: new Map([
          ['1', 0],
          ['2', 1],
        ]),
        sentAt: [100, 120],
      },
    );
    expect(outcome).toMatchObject({ expected: 4, received: 5, lost: 1, duplicated: 1, leaked: 1 });
    // Latencies 10, 30 (event 0) and 30 (event 1); the last recipient of each event: 30 and 30.
    expect([outcome.p50, outcome.p99, outcome.lastMedian, outcome.lastWorst]).toEqual([30, 30, 30, 30]);
  });
});
