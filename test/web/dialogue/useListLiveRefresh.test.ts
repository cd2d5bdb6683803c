import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { useListLiveRefresh } from '../../../web/src/dialogue/useListLiveRefresh';

const event = (type: string, threadId: string) => ({ cursor: '9', type, threadId }) as never;

describe('useListLiveRefresh', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('on the board, refreshes shown threads in place and only offers new ones', () => {
    const refresh = vi.fn();
    const live = useListLiveRefresh(() => new Set(['shown']), refresh, ref('5'));
    live.onEvent(event('POSTED', 'new'));
    vi.advanceTimersByTime(1000);
    expect(live.hasNew.value).toBe(true);
    expect(refresh).not.toHaveBeenCalled();
    live.onEvent(event('STATUS_CHANGED', 'shown'));
    vi.advanceTimersByTime(1000);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('in an inbox, brings new threads in at once without a click', () => {
    const refresh = vi.fn();
    const live = useListLiveRefresh(() => new Set(), refresh, ref('5'), { insertNew: true });
    live.onEvent(event('ROUTED', 'new'));
    live.onEvent(event('POSTED', 'new'));
    vi.advanceTimersByTime(1000);
    expect(live.hasNew.value).toBe(false);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('starts the feed from the first fresh list cursor and keeps it', () => {
    const cursor = ref<string | null>(null);
    const live = useListLiveRefresh(() => new Set(), vi.fn(), cursor);
    expect(live.startCursor.value).toBeNull();
    cursor.value = '12';
    return Promise.resolve().then(() => {
      expect(live.startCursor.value).toBe('12');
      cursor.value = '40';
      return Promise.resolve().then(() => expect(live.startCursor.value).toBe('12'));
    });
  });
});
