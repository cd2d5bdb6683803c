import { ref, watch, type Ref } from 'vue';
import type { LiveEvent } from '../live/liveFeed';
import { useLiveState } from '../live/state';

/**
 * What a live list does with an event: threads already shown are refreshed in place (no jump);
 * new threads only raise a "new activity" notice the reader acts on. After a reconnect the list
 * is read again, since events may have been missed before the first cursor was known.
 */
export function useListLiveRefresh(shownIds: () => Set<string>, refresh: () => void) {
  const hasNew = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  };
  const liveState: Ref<string> = useLiveState();
  watch(liveState, (now, before) => {
    if (now === 'live' && before === 'reconnecting') refreshSoon();
  });
  return {
    hasNew,
    onEvent(event: LiveEvent) {
      if (shownIds().has(event.threadId)) refreshSoon();
      else if (event.type === 'POSTED' || event.type === 'ROUTED' || event.type === 'TRANSFERRED') hasNew.value = true;
    },
    showNew() {
      hasNew.value = false;
      refresh();
    },
  };
}
