// Turns what the clients received into the numbers the bench prints: latency from the send,
// lost, duplicated and leaked deliveries, and the product-against-floors table.
import type { SubscriberResult } from './client.js';
import type { Probe } from './ipc.js';

export interface Delivery {
  /** Cursors each subscriber must receive, by subscriber key. */
  expected: (key: number) => ReadonlySet<string>;
  /** For timed cursors: which event (mutation or broadcast) produced it, and when it was sent. */
  eventOf: ReadonlyMap<string, number>;
  sentAt: readonly number[];
  /** Names a delivery for the leak and loss lines: who, and what event. */
  describe?: (key: number, cursor: string) => string;
}

export interface Outcome {
  subscribers: number;
  expected: number;
  /** Deliveries of the timed events received as expected (replays are expected, not timed). */
  timed: number;
  received: number;
  lost: number;
  duplicated: number;
  leaked: number;
  leaks: string[];
  losses: string[];
  p50: number;
  p99: number;
  /** Per event, the latency of its last recipient: the median event's and the worst. */
  lastMedian: number;
  lastWorst: number;
}

export interface Phase {
  outcome: Outcome;
  events: number;
  before: Probe;
  subscribed: Probe;
  start: Probe;
  end: Probe;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export function analyse(results: SubscriberResult[], delivery: Delivery): Outcome {
  const latencies: number[] = [];
  const lastOfEvent = delivery.sentAt.map(() => -Infinity);
  const outcome = { expected: 0, received: 0, lost: 0, duplicated: 0, leaked: 0 };
  const leaks: string[] = [];
  const losses: string[] = [];
  const describe = delivery.describe ?? ((key, cursor) => `subscriber ${key}, cursor ${cursor}`);
  for (const { key, cursors, times } of results) {
    const expected = delivery.expected(key);
    const seen = new Set<string>();
    outcome.expected += expected.size;
    cursors.forEach((cursor, index) => {
      outcome.received += 1;
      if (seen.has(cursor)) return void (outcome.duplicated += 1);
      seen.add(cursor);
      if (!expected.has(cursor)) {
        outcome.leaked += 1;
        if (leaks.length < 20) leaks.push(describe(key, cursor));
        return;
      }
      const event = delivery.eventOf.get(cursor);
      if (event === undefined) return;
      const latency = times[index]! - delivery.sentAt[event]!;
      latencies.push(latency);
      lastOfEvent[event] = Math.max(lastOfEvent[event]!, latency);
    });
    for (const cursor of expected) {
      if (seen.has(cursor)) continue;
      outcome.lost += 1;
      if (losses.length < 10) losses.push(describe(key, cursor));
    }
  }
  latencies.sort((a, b) => a - b);
  const lasts = lastOfEvent.filter(Number.isFinite).sort((a, b) => a - b);
  return {
    subscribers: results.length,
    ...outcome,
    timed: latencies.length,
    leaks,
    losses,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    lastMedian: percentile(lasts, 50),
    lastWorst: lasts.at(-1) ?? NaN,
  };
}

const cpuPerEvent = (phase: Phase) => (phase.end.cpuMicros - phase.start.cpuMicros) / 1000 / phase.events;
const rssPerSocket = (phase: Phase) =>
  (phase.subscribed.rssBytes - phase.before.rssBytes) / 1024 / Math.max(1, phase.outcome.subscribers);
const sqlPerEvent = (phase: Phase) =>
  phase.end.sqlStatements === null || phase.start.sqlStatements === null
    ? NaN
    : (phase.end.sqlStatements - phase.start.sqlStatements) / phase.events;

function format(value: number, digits = 0): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

export interface Floors {
  matched?: Phase;
  broadcast?: Phase;
}

type Row = [label: string, value: (phase: Phase) => number, digits: number, floors: 'ratio' | 'value' | 'none'];
const ROWS: Row[] = [
  ['delivery p50 (ms)', (phase) => phase.outcome.p50, 0, 'ratio'],
  ['delivery p99 (ms)', (phase) => phase.outcome.p99, 0, 'ratio'],
  ['last client, median event (ms)', (phase) => phase.outcome.lastMedian, 0, 'ratio'],
  ['last client, worst event (ms)', (phase) => phase.outcome.lastWorst, 0, 'ratio'],
  ['RSS per socket (KB)', rssPerSocket, 1, 'ratio'],
  ['server CPU per event (ms)', cpuPerEvent, 0, 'ratio'],
  ['SQL statements per event', sqlPerEvent, 1, 'none'],
  ['deliveries expected', (phase) => phase.outcome.expected, 0, 'value'],
  ['deliveries timed', (phase) => phase.outcome.timed, 0, 'value'],
  ['lost', (phase) => phase.outcome.lost, 0, 'value'],
  ['duplicated', (phase) => phase.outcome.duplicated, 0, 'value'],
  ['leaked', (phase) => phase.outcome.leaked, 0, 'none'],
];
const WIDTHS = [32, 12, 15, 17, 15, 17];

/** One table per N: the product beside the matched and the broadcast floor, with ratios where they mean something. */
export function table(title: string, product: Phase, floors: Floors): string {
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => (index ? cell.padStart(WIDTHS[index]!) : cell.padEnd(WIDTHS[0]!)))
      .join('')
      .trimEnd();
  const lines = [title, line(['', 'product', 'matched floor', 'broadcast floor', 'prod/matched', 'prod/broadcast'])];
  for (const [label, value, digits, kind] of ROWS) {
    const mine = value(product);
    const theirs = [floors.matched, floors.broadcast].map((floor) =>
      floor && kind !== 'none' ? value(floor) : undefined,
    );
    const ratios = theirs.map((other) =>
      kind === 'ratio' && other !== undefined && other > 0 && mine >= 0 ? `${(mine / other).toFixed(1)}×` : '',
    );
    lines.push(
      line([
        label,
        format(mine, digits),
        ...theirs.map((other) => (other === undefined ? '—' : format(other, digits))),
        ...ratios,
      ]),
    );
  }
  return lines.join('\n');
}

export const failed = (outcome: Outcome) => outcome.lost + outcome.duplicated + outcome.leaked > 0;
