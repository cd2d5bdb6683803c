import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { session } from '../../../web/src/accounts/session';
import InboxPage from '../../../web/src/dialogue/InboxPage.vue';
import { mountWithApp } from '../support/mount';

const card = (id: string, title: string, viewerUnread: boolean, assignee: string | null = null) => ({
  __typename: 'Thread',
  id,
  title,
  body: 'Nội dung',
  kind: 'REPORT',
  status: 'ROUTED',
  isPublic: true,
  overdue: false,
  supportCount: 0,
  authorName: 'Dân',
  anonymous: false,
  viewerUnread,
  deadline: null,
  createdAt: '2026-12-01T02:00:00.000Z',
  answerDueAt: '2026-12-10T10:00:00.000Z',
  category: { __typename: 'Category', id: 'c', name: 'Hạ tầng', nameEn: 'Infrastructure' },
  place: { __typename: 'Unit', id: 'p', name: 'Nam Ban', placeName: 'Nam Ban', isCurrent: true },
  unit: { __typename: 'Unit', id: 'u-nb', name: 'UBND thị trấn Nam Ban', isCurrent: true },
  assignee: assignee ? { __typename: 'StaffMember', id: 'o-2', displayName: assignee } : null,
});

beforeEach(() =>
  session.start({
    token: 'token-officer',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    user: {
      id: 'o-1',
      displayName: 'Cán bộ Nam Ban',
      email: 'lh.nb@nghedan.demo',
      role: 'OFFICER',
      unit: { id: 'u-nb', name: 'UBND thị trấn Nam Ban' },
    },
  }),
);
afterEach(() => session.end());

describe('the inbox workbench', () => {
  it('shows the unread count, marks unread cards, names who is in charge and filters by assignment', async () => {
    const { wrapper, requests } = await mountWithApp(InboxPage, {
      handlers: {
        Catalog: () => ({ data: { categories: [], units: [] } }),
        UnreadThreadCount: () => ({ data: { unreadThreadCount: 1 } }),
        Threads: () => ({
          data: {
            threads: {
              __typename: 'ThreadConnection',
              nodes: [card('t-1', 'Cống bị tắc', true, 'Cán bộ Trần Thị Hai'), card('t-2', 'Đèn hỏng', false)],
              endCursor: null,
              hasNextPage: false,
              totalCount: 2,
              totalCountCapped: false,
              eventsCursor: '10',
            },
          },
        }),
      },
    });
    await flushPromises();
    expect(wrapper.get('[data-testid="inbox-unread-count"]').text()).toBe('1 chưa đọc');
    const cards = wrapper.findAll('[data-testid="thread-card"]');
    expect(cards[0]!.classes()).toContain('thread-card--unread');
    expect(cards[0]!.get('[data-testid="thread-unread"]').text()).toBe('Mới');
    expect(cards[0]!.get('[data-testid="thread-assignee"]').text()).toBe('Cán bộ phụ trách: Cán bộ Trần Thị Hai');
    expect(cards[1]!.classes()).not.toContain('thread-card--unread');
    expect(cards[1]!.find('[data-testid="thread-assignee"]').exists()).toBe(false);

    await wrapper.get('[data-testid="inbox-view-MINE"]').setValue(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await flushPromises();
    const last = requests.filter((request) => request.operationName === 'Threads').at(-1)!;
    expect(last.variables.filter).toEqual({ unitId: 'u-nb', assignment: 'MINE' });
    await wrapper.get('[data-testid="inbox-view-UNASSIGNED"]').setValue(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await flushPromises();
    expect(requests.filter((request) => request.operationName === 'Threads').at(-1)!.variables.filter).toEqual({
      unitId: 'u-nb',
      assignment: 'UNASSIGNED',
    });
  });
});
