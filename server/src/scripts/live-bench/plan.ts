// The matched floor's workload, taken from what the product delivered: per event, which subscribers
// received how many messages of which sizes. The floor then sends exactly that, and nothing else.
import type { SubscriberResult } from './client.js';

/** One event's sends: per subscriber key, the byte sizes of its messages, in the order received. */
export type EventPlan = Array<[key: number, sizes: number[]]>;

/** Per event (the index of the product's action), what each subscriber received for it. */
export function sendPlan(results: SubscriberResult[], eventOf: ReadonlyMap<string, number>, events: number) {
  const plan = Array.from({ length: events }, () => new Map<number, number[]>());
  for (const { key, cursors, sizes } of results) {
    cursors.forEach((cursor, index) => {
      const event = eventOf.get(cursor);
      if (event === undefined || event >= events) return;
      const sends = plan[event]!;
      sends.set(key, [...(sends.get(key) ?? []), sizes[index]!]);
    });
  }
  return plan.map((sends): EventPlan => [...sends].sort(([a], [b]) => a - b));
}

/** The cursor of the nth message one socket gets for an event of the matched floor. */
export const matchedCursor = (event: number, nth: number) => `m${event}.${nth}`;

export const messagesOf = (plan: EventPlan) => plan.reduce((sum, [, sizes]) => sum + sizes.length, 0);

/** What the matched floor's clients must receive, for `analyse`. */
export function matchedDeliveries(plan: EventPlan[]) {
  const expected = new Map<number, Set<string>>();
  const eventOf = new Map<string, number>();
  plan.forEach((sends, event) => {
    for (const [key, sizes] of sends) {
      const cursors = expected.get(key) ?? new Set<string>();
      sizes.forEach((_, nth) => {
        cursors.add(matchedCursor(event, nth));
        eventOf.set(matchedCursor(event, nth), event);
      });
      expected.set(key, cursors);
    }
  });
  return { expected, eventOf };
}
