import { stringifyDocument } from '@urql/core';
import { useClientHandle, useQuery } from '@urql/vue';
import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';
import type { Panel } from '../graphql/generated';
import { useWsClient } from '../graphql/provide';
import { downloadText } from '../shared/download';
import { monitoringFilter, type DashboardFilters } from './filters';
import { DashboardUpdatesDocument, MonitoringCsvDocument, MonitoringDashboardDocument } from './operations';

/** Rows in the thread and word lists. */
export const LIST_LIMIT = 10;
/** Threads a unit needs to be ranked (the API's default, shown on the page). */
export const MINIMUM_SAMPLE = 5;

/**
 * Every panel in one query for the filters; refetched whenever the server says the dashboard
 * changed (`dashboardUpdates` ticks at most once a second, so no debounce is needed here).
 */
export function useMonitoringDashboard(filters: Ref<DashboardFilters>) {
  const filter = computed(() => monitoringFilter(filters.value));
  const query = useQuery({
    query: MonitoringDashboardDocument,
    variables: computed(() => ({
      filter: filter.value,
      bucket: filters.value.bucket,
      limit: LIST_LIMIT,
      minimumSample: MINIMUM_SAMPLE,
    })),
  });
  const dashboard = computed(() => query.data.value?.monitoring ?? null);
  const updatedAt = ref<string | null>(null);
  watch(query.data, (data) => {
    if (data) updatedAt.value = new Date().toISOString();
  });

  const refetch = () => query.executeQuery({ requestPolicy: 'network-only' });
  const liveFailed = ref(false);
  const ws = useWsClient();
  const dispose = ws.subscribe(
    { query: stringifyDocument(DashboardUpdatesDocument) },
    {
      next(result) {
        liveFailed.value = Boolean(result.errors?.length);
        if (!liveFailed.value) void refetch();
      },
      error: () => {
        liveFailed.value = true;
      },
      complete: () => undefined,
    },
  );
  onBeforeUnmount(dispose);

  const handle = useClientHandle();
  /** One panel's CSV, asked for when wanted (not with every refresh), saved as `<panel>.csv`. */
  async function downloadCsv(panel: Panel): Promise<void> {
    const result = await handle.client
      .query(
        MonitoringCsvDocument,
        { filter: filter.value, panel, bucket: filters.value.bucket },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    const csv = result.data?.monitoring.csv;
    if (result.error || csv === undefined) throw result.error ?? new Error('no csv');
    downloadText(csv, `${panel.toLowerCase().replace(/_/g, '-')}.csv`);
  }

  return { query, dashboard, updatedAt, liveFailed, refetch, downloadCsv };
}
