// Turns what the clients received into the numbers the bench prints: latency from the send,
// lost, duplicated and leaked deliveries, and the product-against-floor table.
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

/** One table per N: the product beside the floor, with ratios where a ratio means something. */
export function table(title: string, product: Phase, floor: Phase | undefined): string {
  const rows: Array<[string, number, number | undefined, number, boolean]> = [
    ['delivery p50 (ms)', product.outcome.p50, floor?.outcome.p50, 0, true],
    ['delivery p99 (ms)', product.outcome.p99, floor?.outcome.p99, 0, true],
    ['last client, median event (ms)', product.outcome.lastMedian, floor?.outcome.lastMedian, 0, true],
    ['last client, worst event (ms)', product.outcome.lastWorst, floor?.outcome.lastWorst, 0, true],
    ['RSS per socket (KB)', rssPerSocket(product), floor && rssPerSocket(floor), 1, true],
    ['server CPU per event (ms)', cpuPerEvent(product), floor && cpuPerEvent(floor), 0, true],
    ['SQL statements per event', sqlPerEvent(product), undefined, 1, false],
    ['deliveries expected', product.outcome.expected, floor?.outcome.expected, 0, false],
    ['lost', product.outcome.lost, floor?.outcome.lost, 0, false],
    ['duplicated', product.outcome.duplicated, floor?.outcome.duplicated, 0, false],
    ['leaked', product.outcome.leaked, floor?.outcome.leaked, 0, false],
  ];
  const lines = [
    title,
    `${''.padEnd(32)}${'product'.padStart(12)}${'raw ws floor'.padStart(14)}${'ratio'.padStart(9)}`,
  ];
  for (const [label, mine, theirs, digits, ratio] of rows) {
    const ratioText = ratio && theirs !== undefined && theirs > 0 && mine >= 0 ? `${(mine / theirs).toFixed(1)}×` : '';
    lines.push(
      `${label.padEnd(32)}${format(mine, digits).padStart(12)}${(theirs === undefined ? '—' : format(theirs, digits)).padStart(14)}${ratioText.padStart(9)}`,
    );
  }
  return lines.join('\n');
}

export const failed = (outcome: Outcome) => outcome.lost + outcome.duplicated + outcome.leaked > 0;
