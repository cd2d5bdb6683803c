import { onBeforeUnmount, watch, type WatchSource } from 'vue';
import { useWsClient } from '../graphql/provide';
import { startLiveFeed, type LiveFeed, type LiveFeedOptions } from './liveFeed';

/**
 * Keeps a live feed open while the component lives; restarts it when `source` changes (a new thread,
 * new filters). `options()` is read at each start, so it can pass the latest cursor it knows.
 */
export function useLiveFeed<TData, TVariables extends { after?: string | null }>(
  source: WatchSource<unknown>,
  options: () => LiveFeedOptions<TData, TVariables> | null,
): void {
  const ws = useWsClient();
  let feed: LiveFeed | null = null;
  const stop = () => {
    feed?.stop();
    feed = null;
  };
  watch(
    source,
    () => {
      stop();
      const current = options();
      if (current) feed = startLiveFeed(ws, current);
    },
    { immediate: true },
  );
  onBeforeUnmount(stop);
}
