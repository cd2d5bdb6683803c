import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogQuery, MonitoringDashboardQuery } from '../../../web/src/graphql/generated';
import { mountDashboard } from './mountMonitoring';

type Dashboard = MonitoringDashboardQuery['monitoring'];

const CATALOG: CatalogQuery = {
  categories: [
    { id: 'c-land', code: 'LAND', name: 'Đất đai', nameEn: 'Land', urgent: false },
    { id: 'c-road', code: 'ROAD', name: 'Giao thông', nameEn: 'Roads', urgent: false },
  ],
  units: [
    {
      id: 'u-nb',
      code: 'LH.NB',
      name: 'UBND thị trấn Nam Ban',
      level: 'COMMUNE',
      kind: 'PEOPLES_COMMITTEE',
      parentId: 'u-lh',
      isPlace: true,
      placeName: 'Thị trấn Nam Ban',
    },
    {
      id: 'u-tnmt',
      code: 'LH.TNMT',
      name: 'Phòng Tài nguyên và Môi trường',
      level: 'DISTRICT',
      kind: 'DEPARTMENT',
      parentId: 'u-lh',
      isPlace: false,
      placeName: 'Phòng Tài nguyên và Môi trường',
    },
  ],
} as CatalogQuery;

const thread = (id: string, title: string, extra: Partial<Dashboard['overdue'][number]> = {}) => ({
  id,
  title,
  kind: 'REPORT' as const,
  status: 'ROUTED' as const,
  overdue: false,
  tone: 'NEGATIVE' as const,
  toneScore: -0.8,
  createdAt: '2025-03-02T01:00:00.000Z',
  answerDueAt: '2025-03-05T10:00:00.000Z',
  category: { id: 'c-land', name: 'Đất đai', nameEn: 'Land' },
  unit: { id: 'u-nb', name: 'UBND thị trấn Nam Ban' },
  escalatedTo: null,
  ...extra,
});

const unitRow = (code: string, name: string, threads: number, rank: number | null) => ({
  unit: { id: `u-${code}`, code, name },
  threads,
  acknowledgedOnTime: 0.9,
  answeredOnTime: 0.75,
  medianHoursToFirstReply: 3.5,
  p90HoursToFirstReply: 10,
  medianHoursToResolution: 20,
  p90HoursToResolution: 40,
  reopenRate: 0.1,
  averageRating: 4.25,
  ratings: 8,
  rank,
});

function dashboard(negativeToday = 1): Dashboard {
  return {
    from: '2025-02-28T17:00:00.000Z',
    to: '2025-03-03T17:00:00.000Z',
    volumes: [
      { period: '2025-02-28T17:00:00.000Z', threads: 4, negative: 2, negativeShare: 0.5 },
      { period: '2025-03-01T17:00:00.000Z', threads: 0, negative: 0, negativeShare: null },
      { period: '2025-03-02T17:00:00.000Z', threads: 3, negative: negativeToday, negativeShare: negativeToday / 3 },
    ],
    byField: [
      { category: { id: 'c-land', name: 'Đất đai', nameEn: 'Land' }, threads: 5, negative: 3, negativeShare: 0.6 },
      { category: { id: 'c-road', name: 'Giao thông', nameEn: 'Roads' }, threads: 2, negative: 0, negativeShare: 0 },
    ],
    byPlace: [{ place: { id: 'u-nb', placeName: 'Thị trấn Nam Ban' }, threads: 7, negative: 3, negativeShare: 3 / 7 }],
    byKind: [{ kind: 'REPORT', threads: 7, negative: 3, negativeShare: 3 / 7 }],
    sentiment: [{ period: '2025-02-28T17:00:00.000Z', averageScore: -0.25, negative: 2, neutral: 1, positive: 1 }],
    mostNegativeOpen: [thread('t-neg', 'Ngập nước đường Hùng Vương')],
    overdue: [
      thread('t-late', 'Đất bị lấn chiếm chưa giải quyết', {
        overdue: true,
        escalatedTo: { id: 'u-lh', name: 'UBND huyện Lâm Hà' },
      }),
    ],
    risingWords: [{ word: 'ngập nước', thisWeek: 4, weeklyBefore: 0.5, growth: 3.3 }],
    responsiveness: {
      minimumSample: 5,
      units: [unitRow('LH.NB', 'UBND thị trấn Nam Ban', 7, 1), unitRow('LH.TNMT', 'Phòng TN và MT', 2, null)],
    },
  };
}

function handlersWith(current: () => Dashboard) {
  return {
    Catalog: () => ({ data: CATALOG }),
    MonitoringDashboard: () => ({ data: { monitoring: current() } }),
    MonitoringCsv: (variables: Record<string, unknown>) => ({
      data: { monitoring: { csv: `\uFEFFpanel\r\n${String(variables.panel)}\r\n` } },
    }),
  };
}

const dashboardRequests = (requests: Array<{ operationName: string; variables: Record<string, unknown> }>) =>
  requests.filter((request) => request.operationName === 'MonitoringDashboard');

afterEach(() => vi.restoreAllMocks());

describe('monitoring dashboard', () => {
  it('shows the figures of the dashboard query, negative count summed over the period', async () => {
    const { wrapper } = await mountDashboard(
      '/monitoring',
      handlersWith(() => dashboard()),
    );
    await flushPromises();

    expect(wrapper.get('[data-testid="dashboard-negative-count"]').text()).toBe('3');
    expect(wrapper.get('[data-testid="dashboard-thread-count"]').text()).toBe('7');
    expect(wrapper.get('[data-testid="dashboard-negative-share"]').text()).toBe('42,9%');
    expect(wrapper.get('[data-testid="panel-volumes"]').findAll('[data-testid="volume-row"]')).toHaveLength(3);
    expect(wrapper.get('[data-testid="field-c-land"]').text()).toContain('Đất đai');
    expect(wrapper.get('[data-testid="field-c-land"]').text()).toContain('60%');
    expect(wrapper.get('[data-testid="place-u-nb"]').text()).toContain('Thị trấn Nam Ban');
    expect(wrapper.get('[data-testid="kind-REPORT"]').text()).toContain('Phản ánh');
    expect(wrapper.get('[data-testid="panel-sentiment"]').text()).toContain('-0,25');
    expect(wrapper.get('[data-testid="panel-rising-words"]').text()).toContain('ngập nước');
  });

  it('links each overdue and negative thread to its page', async () => {
    const { wrapper } = await mountDashboard(
      '/monitoring',
      handlersWith(() => dashboard()),
    );
    await flushPromises();

    const late = wrapper.get('[data-testid="overdue-thread-t-late"]');
    expect(late.get('a').attributes('href')).toBe('/threads/t-late');
    expect(late.text()).toContain('UBND huyện Lâm Hà');
    expect(wrapper.get('[data-testid="negative-thread-t-neg"] a').attributes('href')).toBe('/threads/t-neg');
  });

  it('shows the minimum sample and lists unranked units apart from the league table', async () => {
    const { wrapper } = await mountDashboard(
      '/monitoring',
      handlersWith(() => dashboard()),
    );
    await flushPromises();

    expect(wrapper.get('[data-testid="responsiveness-minimum-sample"]').text()).toContain('5');
    const ranked = wrapper.get('[data-testid="responsiveness-ranked"]');
    expect(ranked.find('[data-testid="responsiveness-unit-LH.NB"]').exists()).toBe(true);
    expect(ranked.find('[data-testid="responsiveness-unit-LH.TNMT"]').exists()).toBe(false);
    const unranked = wrapper.get('[data-testid="responsiveness-unranked"]');
    expect(unranked.get('[data-testid="responsiveness-unit-LH.TNMT"]').text()).toContain('4,25 (8 lượt)');
  });

  it('reads the filters from the address and sends them with the query', async () => {
    const { requests } = await mountDashboard(
      '/monitoring?from=2025-03-01&to=2025-03-03&bucket=WEEK&field=c-land&place=u-nb&unit=u-tnmt',
      handlersWith(() => dashboard()),
    );
    await flushPromises();

    expect(dashboardRequests(requests).at(-1)?.variables).toEqual({
      filter: {
        from: '2025-02-28T17:00:00.000Z',
        to: '2025-03-03T17:00:00.000Z',
        categoryId: 'c-land',
        placeId: 'u-nb',
        unitId: 'u-tnmt',
      },
      bucket: 'WEEK',
      limit: 10,
      minimumSample: 5,
    });
  });

  it('puts a changed filter in the address, which a reload reads back', async () => {
    const { wrapper, router, requests } = await mountDashboard(
      '/monitoring',
      handlersWith(() => dashboard()),
    );
    await flushPromises();

    await wrapper.get('[data-testid="filter-field"]').setValue('c-road');
    await flushPromises();
    await wrapper.get('[data-testid="bucket-MONTH"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="filter-from"]').setValue('2025-01-01');
    await flushPromises();

    expect(router.currentRoute.value.query).toEqual({ from: '2025-01-01', bucket: 'MONTH', field: 'c-road' });
    const last = dashboardRequests(requests).at(-1)?.variables;
    expect(last).toMatchObject({
      filter: { from: '2024-12-31T17:00:00.000Z', categoryId: 'c-road' },
      bucket: 'MONTH',
    });

    const reloaded = await mountDashboard(
      router.currentRoute.value.fullPath,
      handlersWith(() => dashboard()),
    );
    await flushPromises();
    expect((reloaded.wrapper.get('[data-testid="filter-field"]').element as HTMLSelectElement).value).toBe('c-road');
    expect((reloaded.wrapper.get('[data-testid="filter-from"]').element as HTMLInputElement).value).toBe('2025-01-01');
    expect(reloaded.wrapper.get('[data-testid="bucket-MONTH"]').attributes('aria-pressed')).toBe('true');
    expect(dashboardRequests(reloaded.requests).at(-1)?.variables).toEqual(last);
  });

  it("downloads the panel's CSV for the current filters", async () => {
    const { wrapper, requests } = await mountDashboard(
      '/monitoring?field=c-land',
      handlersWith(() => dashboard()),
    );
    await flushPromises();
    let saved: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved = blob as Blob;
      return 'blob:fields';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });

    await wrapper.get('[data-testid="panel-fields-csv"]').trigger('click');
    await flushPromises();

    expect(requests.find((request) => request.operationName === 'MonitoringCsv')?.variables).toEqual({
      filter: { categoryId: 'c-land' },
      panel: 'FIELDS',
      bucket: 'DAY',
    });
    expect(clicks).toEqual(['fields.csv']);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (saved as unknown as Blob).arrayBuffer());
    expect(text).toBe('\uFEFFpanel\r\nFIELDS\r\n');
  });

  it('refetches the panels when dashboardUpdates ticks and shows the new figures', async () => {
    let negativeToday = 1;
    const { wrapper, requests, subscriptions } = await mountDashboard(
      '/monitoring',
      handlersWith(() => dashboard(negativeToday)),
    );
    await flushPromises();
    const live = subscriptions.find((entry) => entry.query.includes('dashboardUpdates'));
    expect(live).toBeDefined();
    const before = dashboardRequests(requests).length;

    negativeToday = 2;
    live?.sink.next({ data: { dashboardUpdates: { at: '2025-03-03T02:00:00.000Z' } } });
    await flushPromises();

    expect(dashboardRequests(requests).length).toBe(before + 1);
    expect(wrapper.get('[data-testid="dashboard-negative-count"]').text()).toBe('4');
  });

  it('stops listening when the page closes', async () => {
    const { wrapper, subscriptions } = await mountDashboard(
      '/monitoring',
      handlersWith(() => dashboard()),
    );
    await flushPromises();
    const updates = subscriptions.filter((entry) => entry.query.includes('dashboardUpdates'));
    expect(updates.map((entry) => entry.disposed)).toEqual([false]);
    wrapper.unmount();
    expect(updates.map((entry) => entry.disposed)).toEqual([true]);
  });

  it('says so when the period has no threads, and shows errors with a retry', async () => {
    const empty: Dashboard = {
      ...dashboard(),
      volumes: [],
      byField: [],
      byPlace: [],
      byKind: [],
      sentiment: [],
      mostNegativeOpen: [],
      overdue: [],
      risingWords: [],
      responsiveness: { minimumSample: 5, units: [] },
    };
    const quiet = await mountDashboard(
      '/monitoring',
      handlersWith(() => empty),
    );
    await flushPromises();
    expect(quiet.wrapper.get('[data-testid="dashboard-negative-count"]').text()).toBe('0');
    expect(quiet.wrapper.find('[data-testid="panel-volumes-empty"]').exists()).toBe(true);
    expect(quiet.wrapper.find('[data-testid="panel-overdue-empty"]').exists()).toBe(true);

    const refused = await mountDashboard('/monitoring', {
      ...handlersWith(() => empty),
      MonitoringDashboard: () => ({ errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }], data: null }),
    });
    await flushPromises();
    expect(refused.wrapper.get('[data-testid="error-message"]').text()).toContain('Bạn không có quyền làm việc này.');
    expect(refused.wrapper.find('[data-testid="dashboard-negative-count"]').exists()).toBe(false);
  });

  it('speaks English too', async () => {
    const { wrapper } = await mountDashboard(
      '/monitoring',
      handlersWith(() => dashboard()),
      'en',
    );
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Feedback dashboard');
    expect(wrapper.get('[data-testid="field-c-land"]').text()).toContain('Land');
    expect(wrapper.get('[data-testid="panel-fields-csv"]').text()).toBe('Download CSV');
  });
});
