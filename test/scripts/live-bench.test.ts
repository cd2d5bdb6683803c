import { describe, expect, it } from 'vitest';
import type { SubscriberResult } from '../../server/src/scripts/live-bench/client.js';
import { matchedDeliveries, sendPlan, type EventPlan } from '../../server/src/scripts/live-bench/plan.js';
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
        { key: 0, cursors: ['1', '2', '2'], times: [110, 150, 160], sizes: [1, 1, 1] },
        { key: 1, cursors: ['1', '3'], times: [130, 140], sizes: [1, 1] },
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
    expect(outcome).toMatchObject({ expected: 4, timed: 3, received: 5, lost: 1, duplicated: 1, leaked: 1 });
    // Latencies 10, 30 (event 0) and 30 (event 1); the last recipient of each event: 30 and 30.
    expect([outcome.p50, outcome.p99, outcome.lastMedian, outcome.lastWorst]).toEqual([30, 30, 30, 30]);
  });
});

describe("the matched floor's send plan", () => {
  // Cursors 10 and 11 are one post's POSTED and ROUTED (event 0), 12 a note (event 1); 9 is a replay.
  const eventOf = new Map([
    ['10', 0],
    ['11', 0],
    ['12', 1],
  ]);
  const result = (key: number, cursors: string[], sizes: number[]): SubscriberResult => ({
    key,
    cursors,
    sizes,
    times: cursors.map(() => 0),
  });
  it.each<[string, SubscriberResult[], number, EventPlan[]]>([
    ['nothing received', [result(0, [], [])], 2, [[], []]],
    ['replays are not planned', [result(0, ['9'], [300])], 1, [[]]],
    ['two messages of one event, in order', [result(0, ['10', '11'], [400, 350])], 2, [[[0, [400, 350]]], []]],
    [
      'each event to its own recipients, sorted by key',
      [result(3, ['10', '11', '12'], [500, 450, 600]), result(1, ['10'], [400])],
      2,
      [
        [
          [1, [400]],
          [3, [500, 450]],
        ],
        [[3, [600]]],
      ],
    ],
    ['a duplicate is sent twice, as received', [result(0, ['12', '12'], [600, 600])], 2, [[], [[0, [600, 600]]]]],
    ['events past the count are left out', [result(0, ['12'], [600])], 1, [[]]],
  ])('%s', (_case, results, events, plan) => {
    expect(sendPlan(results, eventOf, events)).toEqual(plan);
  });

  it('expects one cursor per planned message, each naming its event', () => {
    const { expected, eventOf: floorEventOf } = matchedDeliveries([
      [[0, [400, 350]]],
      [
        [0, [600]],
        [2, [600]],
      ],
    ]);
    expect([...expected].map(([key, cursors]) => [key, [...cursors]])).toEqual([
      [0, ['m0.0', 'm0.1', 'm1.0']],
      [2, ['m1.0']],
    ]);
    expect([...floorEventOf]).toEqual([
      ['m0.0', 0],
      ['m0.1', 0],
      ['m1.0', 1],
    ]);
  });
});
