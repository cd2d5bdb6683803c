import type { Client as WsClient } from 'graphql-ws';
import { describe, expect, it, vi } from 'vitest';
import { ThreadEventsDocument } from '../../../web/src/graphql/generated';
import { startLiveFeed, type LiveEvent } from '../../../web/src/live/liveFeed';

const event = (cursor: string): LiveEvent => ({
  cursor,
  threadId: 't-1',
  type: 'MESSAGE',
  actorName: 'Cán bộ',
  actorKind: 'PERSON',
  assignee: null,
  reasonCode: null,
  reasonParams: [],
  createdAt: '2024-03-15T08:00:00.000Z',
  fromStatus: null,
  toStatus: null,
  internal: false,
  reason: null,
  rating: null,
  fromUnit: null,
  toUnit: null,
  message: null,
});

/** Captures the subscribe payload; graphql-ws serialises it again on every (re)connection. */
function fakeWs() {
  const sink: { next?: (value: unknown) => void; error?: (error: unknown) => void } = {};
  let payload: unknown;
  const ws = {
    subscribe: vi.fn(
      (request: unknown, handlers: { next: (value: unknown) => void; error: (error: unknown) => void }) => {
        payload = request;
        sink.next = handlers.next;
        sink.error = handlers.error;
        return () => undefined;
      },
    ),
  };
  return {
    ws,
    push: (e: LiveEvent) => sink.next?.({ data: { threadEvents: e } }),
    fail: (error: unknown) => sink.error?.(error),
    sent: () => JSON.parse(JSON.stringify(payload)),
  };
}

describe('live feed', () => {
  it('resubscribes after a reconnect from the last cursor seen, and drops replayed duplicates', () => {
    const { ws, push, sent } = fakeWs();
    const seen: string[] = [];
    const feed = startLiveFeed(ws as unknown as Pick<WsClient, 'subscribe'>, {
      document: ThreadEventsDocument,
      variables: { threadId: 't-1', trackingCode: null },
      after: '10',
      pick: (data) => data.threadEvents,
      onEvent: (e) => seen.push(e.cursor),
    });
    expect(sent().variables).toEqual({ threadId: 't-1', trackingCode: null, after: '10' });
    expect(sent().query).toContain('subscription ThreadEvents');

    push(event('11'));
    push(event('12'));
    // What graphql-ws sends when it reconnects: the same payload, serialised now.
    expect(sent().variables.after).toBe('12');
    push(event('12'));
    push(event('13'));
    expect(seen).toEqual(['11', '12', '13']);
    expect(feed.lastCursor()).toBe('13');
  });

  it.each(['RATE_LIMITED', 'TOO_MANY_SUBSCRIPTIONS'])(
    'subscribes again from the last cursor after the wait a %s refusal asks for',
    (code) => {
      vi.useFakeTimers();
      try {
        const { ws, push, fail, sent } = fakeWs();
        const errors: unknown[] = [];
        const feed = startLiveFeed(ws as unknown as Pick<WsClient, 'subscribe'>, {
          document: ThreadEventsDocument,
          variables: { threadId: 't-1', trackingCode: null },
          after: '10',
          pick: (data) => data.threadEvents,
          onEvent: () => undefined,
          onError: (error) => errors.push(error),
        });
        push(event('11'));
        fail([{ message: 'refused', extensions: { code, retryAfter: 3 } }]);
        expect(ws.subscribe).toHaveBeenCalledTimes(1);
        vi.advanceTimersByTime(2_999);
        expect(ws.subscribe).toHaveBeenCalledTimes(1);
        vi.advanceTimersByTime(1);
        expect(ws.subscribe).toHaveBeenCalledTimes(2);
        expect(sent().variables.after).toBe('11');
        expect(errors).toEqual([]);
        feed.stop();
      } finally {
        vi.useRealTimers();
      }
    },
  );

  it('reports any other error and does not subscribe again', () => {
    vi.useFakeTimers();
    try {
      const { ws, fail } = fakeWs();
      const errors: unknown[] = [];
      startLiveFeed(ws as unknown as Pick<WsClient, 'subscribe'>, {
        document: ThreadEventsDocument,
        variables: { threadId: 't-1', trackingCode: null },
        pick: (data) => data.threadEvents,
        onEvent: () => undefined,
        onError: (error) => errors.push(error),
      });
      fail([{ message: 'gone', extensions: { code: 'NOT_FOUND' } }]);
      vi.advanceTimersByTime(60_000);
      expect(ws.subscribe).toHaveBeenCalledTimes(1);
      expect(errors).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
