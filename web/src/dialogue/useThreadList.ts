import { useQuery } from '@urql/vue';
import { computed, ref, watch, type Ref } from 'vue';
import { ThreadsDocument, type ThreadFilter } from '../graphql/generated';
import type { ThreadFilterValues } from './ThreadFilters.vue';

const PAGE = 20;
const MAX = 100;

/** Turns form values into the API filter; an empty field means "any". */
export function toThreadFilter(values: ThreadFilterValues, extra: ThreadFilter = {}): ThreadFilter {
  return {
    ...extra,
    ...(values.search.trim() ? { search: values.search.trim() } : {}),
    ...(values.categoryId ? { categoryId: values.categoryId } : {}),
    ...(values.placeId ? { placeId: values.placeId } : {}),
    ...(values.status ? { statuses: [values.status] } : {}),
  };
}

/**
 * A list of threads for the given filter. "Show more" grows the page (up to the API's 100) rather
 * than appending cursor pages, so a live refresh re-reads one consistent list.
 */
export function useThreadList(values: Ref<ThreadFilterValues>, extra: () => ThreadFilter = () => ({})) {
  const debounced = ref(values.value);
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(values, (next) => {
    clearTimeout(timer);
    const typing = next.search !== debounced.value.search;
    timer = setTimeout(() => (debounced.value = next), typing ? 300 : 0);
  });
  const first = ref(PAGE);
  watch(debounced, () => (first.value = PAGE));

  const query = useQuery({
    query: ThreadsDocument,
    variables: computed(() => ({
      filter: toThreadFilter(debounced.value, extra()),
      orderBy: debounced.value.orderBy,
      first: first.value,
    })),
  });
  const threads = computed(() => query.data.value?.threads.nodes ?? []);
  const canLoadMore = computed(() => (query.data.value?.threads.hasNextPage ?? false) && first.value < MAX);
  return {
    query,
    threads,
    totalCount: computed(() => query.data.value?.threads.totalCount ?? 0),
    /** More match than totalCount: the server stops counting at 1,000. */
    totalCountCapped: computed(() => query.data.value?.threads.totalCountCapped ?? false),
    /** Event-log position read before the list: where its live feed starts. */
    // A cached (stale) list carries an old cursor: a feed started from it would replay old news.
    eventsCursor: computed(() => (query.stale.value ? null : (query.data.value?.threads.eventsCursor ?? null))),
    canLoadMore,
    loadMore: () => (first.value = Math.min(first.value + PAGE, MAX)),
    refresh: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}
