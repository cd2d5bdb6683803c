import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CampaignReviewPage from '../../../web/src/campaign/CampaignReviewPage.vue';
import type { CampaignReviewQuery } from '../../../web/src/graphql/generated';
import { mountCampaignPage } from './mountCampaign';

const CAMPAIGN = { id: 'c1', name: 'Dân vận khéo giai đoạn 2022 - 2025', years: [2022, 2023, 2024, 2025] };
const CSV = '\uFEFFscope,registered\r\n2023,44\r\n';
/** 2^53 + 1: a Number would print ...992. */
const BEYOND_2_53 = '9007199254740993';

const listening = {
  threads: 12,
  answeredOnTime: 9,
  answeredOnTimeShare: 0.75,
  medianHoursToFirstReply: 3.5,
  averageRating: 4.25,
  ratings: 8,
};

function review(year: number | null): CampaignReviewQuery {
  const figures = { registered: 44, recognised: 42, notRecognised: 1, pending: 1, withdrawn: 2 };
  return {
    campaignReview: {
      year,
      campaign: { ...CAMPAIGN },
      totals: { ...figures, resourcesVnd: '4377500000' },
      byUnit: [
        {
          unit: { id: 'u1', code: 'LH.NB', name: 'UBND thị trấn Nam Ban' },
          registered: 3,
          recognised: 3,
          notRecognised: 0,
          pending: 0,
          withdrawn: 0,
          resourcesVnd: BEYOND_2_53,
          listening: { ...listening },
        },
        {
          unit: { id: 'u2', code: 'LH.PT', name: 'UBND xã Phi Tô' },
          registered: 2,
          recognised: 1,
          notRecognised: 1,
          pending: 0,
          withdrawn: 0,
          resourcesVnd: '0',
          listening: {
            threads: 0,
            answeredOnTime: 0,
            answeredOnTimeShare: null,
            medianHoursToFirstReply: null,
            averageRating: null,
            ratings: 0,
          },
        },
      ],
      byField: [
        {
          field: 'ECONOMY',
          ...figures,
          resourcesVnd: '4377500000',
        },
      ],
      commendations: [
        {
          issuer: 'DISTRICT_PEOPLES_COMMITTEE',
          recipientKind: 'COLLECTIVE',
          count: 3,
          forModels: 0,
        },
        {
          issuer: 'DISTRICT_PEOPLES_COMMITTEE',
          recipientKind: 'INDIVIDUAL',
          count: 4,
          forModels: 0,
        },
        {
          issuer: 'PROVINCIAL_PEOPLES_COMMITTEE',
          recipientKind: 'COLLECTIVE',
          count: 1,
          forModels: 1,
        },
      ],
      works: [{ kind: 'ROAD', measure: 'METRE', quantity: 12500 }],
      replications: 5,
      csv: CSV,
    },
  };
}

const handlers = {
  Campaigns: () => ({
    data: { campaigns: [{ ...CAMPAIGN, description: '', startYear: 2022, endYear: 2025 }] },
  }),
  CampaignReview: (variables: Record<string, unknown>) => ({ data: review((variables.year as number | null) ?? null) }),
};

async function mountReview(locale: 'vi' | 'en' = 'vi') {
  const mounted = await mountCampaignPage(CampaignReviewPage, {
    handlers,
    props: { campaignId: 'c1', year: 2023 },
    locale,
  });
  await flushPromises();
  return mounted;
}

afterEach(() => vi.restoreAllMocks());

describe('review page', () => {
  it('asks for the campaign and year it shows', async () => {
    const { requests } = await mountReview();
    expect(requests.find((request) => request.operationName === 'CampaignReview')?.variables).toEqual({
      campaignId: 'c1',
      year: 2023,
    });
  });

  it('shows the figures of the review', async () => {
    const { wrapper } = await mountReview();
    expect(wrapper.get('[data-testid="review-registered"] dd').text()).toBe('44');
    expect(wrapper.get('[data-testid="review-recognised"] dd').text()).toBe('42');
    expect(wrapper.get('[data-testid="review-resources"] dd').text()).toBe('4.377.500.000 đ');
    expect(wrapper.get('[data-testid="review-replications"] dd').text()).toBe('5');
    expect(wrapper.get('[data-testid="review-commendation-DISTRICT_PEOPLES_COMMITTEE-COLLECTIVE"]').text()).toContain(
      '3',
    );
    expect(wrapper.get('[data-testid="review-commendation-DISTRICT_PEOPLES_COMMITTEE-INDIVIDUAL"]').text()).toContain(
      '4',
    );
    expect(wrapper.get('[data-testid="review-commendation-PROVINCIAL_PEOPLES_COMMITTEE-COLLECTIVE"]').text()).toContain(
      '1',
    );
    expect(wrapper.get('[data-testid="review-field-ECONOMY"]').text()).toContain('Kinh tế');
  });

  it('formats amounts above 2^53 exactly, to the đồng', async () => {
    const { wrapper } = await mountReview();
    expect(Number(BEYOND_2_53).toString()).not.toBe(BEYOND_2_53);
    expect(wrapper.get('[data-testid="review-unit-LH.NB"]').text()).toContain('9.007.199.254.740.993 đ');
  });

  it('shows how each unit listens: threads, answered on time, median hours, average rating with count', async () => {
    const { wrapper } = await mountReview();
    const row = wrapper.get('[data-testid="review-unit-LH.NB"]');
    expect(row.get('[data-testid="listening-threads"]').text()).toBe('12');
    expect(row.get('[data-testid="listening-on-time"]').text()).toBe('9/12 (75%)');
    expect(row.get('[data-testid="listening-median-hours"]').text()).toBe('3,5');
    expect(row.get('[data-testid="listening-rating"]').text()).toBe('4,25 (8 lượt)');
    const quiet = wrapper.get('[data-testid="review-unit-LH.PT"]');
    expect(quiet.get('[data-testid="listening-threads"]').text()).toBe('0');
    expect(quiet.get('[data-testid="listening-on-time"]').text()).toBe('—');
    expect(quiet.get('[data-testid="listening-median-hours"]').text()).toBe('—');
    expect(quiet.get('[data-testid="listening-rating"]').text()).toBe('—');
    const headers = wrapper.get('[data-testid="review-unit-table"] thead').text();
    for (const label of ['Ý kiến', 'Trả lời đúng hạn', 'Trung vị giờ đến phản hồi đầu', 'Đánh giá trung bình']) {
      expect(headers).toContain(label);
    }
  });

  it('puts a readable table behind each chart', async () => {
    const { wrapper } = await mountReview();
    const table = wrapper.get('[data-testid="review-chart-units"] table');
    expect(table.text()).toContain('UBND thị trấn Nam Ban');
    expect(table.findAll('tbody tr')).toHaveLength(2);
    expect(wrapper.get('[data-testid="review-chart-fields"] table').text()).toContain('Kinh tế');
  });

  it('speaks English too, with the amounts still grouped exactly', async () => {
    const { wrapper } = await mountReview('en');
    expect(wrapper.get('[data-testid="review-registered"] dt').text()).toBe('Models registered');
    expect(wrapper.get('[data-testid="review-resources"] dd').text()).toBe('4.377.500.000 VND');
  });

  it('saves review.csv as a Blob holding the csv text, byte-order mark included', async () => {
    const { wrapper } = await mountReview();
    let saved: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved = blob as Blob;
      return 'blob:review';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks: Array<{ download: string; href: string }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ download: this.download, href: this.href });
    });

    await wrapper.get('[data-testid="review-csv"]').trigger('click');

    expect(clicks).toEqual([{ download: 'review.csv', href: 'blob:review' }]);
    const blob = saved as unknown as Blob;
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(CSV);
  });

  it('shows an error with a retry when the review cannot be read', async () => {
    const { wrapper } = await mountCampaignPage(CampaignReviewPage, {
      handlers: {
        Campaigns: handlers.Campaigns,
        CampaignReview: () => ({ errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }], data: null }),
      },
      props: { campaignId: 'c1', year: null },
    });
    await flushPromises();
    expect(wrapper.get('[data-testid="error-message"]').text()).toContain('Bạn không có quyền làm việc này.');
    expect(wrapper.find('[data-testid="review-registered"]').exists()).toBe(false);
  });
});
