import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../../web/src/accounts/session';
import InboxMapPage from '../../../web/src/dialogue/InboxMapPage.vue';
import { mountWithApp } from '../support/mount';

const place = (id: string, placeName: string, latitude: number | null, longitude: number | null) => ({
  __typename: 'Unit',
  id,
  placeName,
  latitude,
  longitude,
});
const thread = (id: string, title: string, extra: Record<string, unknown>) => ({
  __typename: 'Thread',
  id,
  title,
  status: 'ROUTED',
  overdue: false,
  latitude: null,
  longitude: null,
  address: null,
  place: place('u-nb', 'thị trấn Nam Ban', 11.8383, 108.3325),
  ...extra,
});

const answer = {
  data: {
    threads: {
      __typename: 'ThreadConnection',
      totalCount: 3,
      nodes: [
        thread('t-1', 'Ổ gà gần chợ', { latitude: 11.84, longitude: 108.33, address: 'Gần chợ', overdue: true }),
        thread('t-2', 'Đèn đường hỏng', {}),
        thread('t-3', 'Rác thải ở thôn mới', { place: place('u-x', 'thôn Mới', null, null), status: 'IN_PROGRESS' }),
      ],
    },
  },
};

afterEach(() => session.end());

describe("the officers' map of open threads", () => {
  it('asks for the unit’s open threads and lists them with their place, map or no map', async () => {
    session.start({
      token: 'token-officer',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      user: {
        id: 'u-1',
        displayName: 'Cán bộ',
        email: 'lh.nb@nghedan.demo',
        role: 'OFFICER',
        unit: { id: 'unit-nb', name: 'UBND thị trấn Nam Ban' },
      },
    } as never);
    const { wrapper, requests } = await mountWithApp(InboxMapPage, { handlers: { InboxMap: () => answer } });
    await flushPromises();

    expect(requests.find((request) => request.operationName === 'InboxMap')?.variables).toEqual({
      filter: { statuses: ['ROUTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED'], unitId: 'unit-nb' },
    });
    // Without tiles (no network here) the list still shows every thread, with where it is.
    const rows = wrapper.findAll('[data-testid="inbox-map-thread"]');
    expect(rows.map((row) => row.get('a').text())).toEqual(['Ổ gà gần chợ', 'Đèn đường hỏng', 'Rác thải ở thôn mới']);
    expect(rows[0]!.text()).toContain('Gần chợ, thị trấn Nam Ban');
    expect(rows[1]!.text()).toContain('thị trấn Nam Ban · không ghim vị trí');
    expect(rows[0]!.get('a').attributes('href')).toBe('/threads/t-1');
    // Two threads have a point (a pin, or their place's); the map region is there for them.
    expect(wrapper.find('[data-testid="inbox-map"]').exists()).toBe(true);
    // Leaflet draws one circle per thread with a point, OpenStreetMap tiles beneath.
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="inbox-map"] path.leaflet-interactive')).toHaveLength(2),
    );
    expect(wrapper.find('[data-testid="inbox-map"] img.leaflet-tile').attributes('src')).toMatch(
      /^https:\/\/tile\.openstreetmap\.org\//,
    );
  });

  it('says so when there is no open thread', async () => {
    const { wrapper } = await mountWithApp(InboxMapPage, {
      locale: 'en',
      handlers: {
        InboxMap: () => ({ data: { threads: { __typename: 'ThreadConnection', totalCount: 0, nodes: [] } } }),
      },
    });
    await flushPromises();
    expect(wrapper.text()).toContain('No open thread.');
    expect(wrapper.findAll('[data-testid="inbox-map-thread"]')).toHaveLength(0);
  });
});
