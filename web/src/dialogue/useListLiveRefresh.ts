import { ref, watch, type Ref } from 'vue';
import type { LiveEvent } from '../live/liveFeed';

/**
 * What a live list does with an event: threads already shown are refreshed in place (no jump);
 * new threads raise a "new activity" notice the reader acts on (the board, where people read), or
 * come in at once with `insertNew` (a unit's inbox, where new work must not wait for a click). The feed starts from the
 * `eventsCursor` of the first list read and resumes from its last cursor after a reconnect, so no
 * change is missed and the list needs no re-read on reconnecting.
 */
export function useListLiveRefresh(
  shownIds: () => Set<string>,
  refresh: () => void,
  eventsCursor: Ref<string | null>,
  options: { insertNew?: boolean } = {},
) {
  const hasNew = ref(false);
  /** The cursor the feed starts from: the first list read's, kept while the feed lives. */
  const startCursor = ref<string | null>(eventsCursor.value);
  watch(eventsCursor, (cursor) => {
    if (startCursor.value === null && cursor !== null) startCursor.value = cursor;
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  };
  return {
    hasNew,
    startCursor,
    onEvent(event: LiveEvent) {
      if (shownIds().has(event.threadId)) refreshSoon();
      else if (
        event.type === 'POSTED' ||
        event.type === 'ROUTED' ||
        event.type === 'TRANSFERRED' ||
        event.type === 'ESCALATED'
      ) {
        if (options.insertNew) refreshSoon();
        else hasNew.value = true;
      }
    },
    showNew() {
      hasNew.value = false;
      refresh();
    },
  };
}
