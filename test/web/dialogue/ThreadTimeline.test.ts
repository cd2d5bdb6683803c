import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ThreadTimeline from '../../../web/src/dialogue/ThreadTimeline.vue';
import { createAppI18n, type Locale } from '../../../web/src/i18n';
import type { LiveEvent } from '../../../web/src/live/liveFeed';
import { formatDateTime } from '../../../web/src/shared/format';

const base = {
  threadId: 't-1',
  createdAt: '2026-12-02T10:00:00.000Z',
  fromStatus: null,
  toStatus: null,
  internal: false,
  reason: null,
  rating: null,
  assignee: null,
  fromUnit: null,
  message: null,
} as const;

const events: LiveEvent[] = [
  {
    ...base,
    cursor: '1',
    type: 'POSTED',
    actorName: 'Người dân ẩn danh',
    actorKind: 'ANONYMOUS',
    reasonCode: null,
    reasonParams: [],
    toUnit: null,
  },
  {
    ...base,
    cursor: '2',
    type: 'ROUTED',
    actorName: 'Hệ thống',
    actorKind: 'SYSTEM',
    reasonCode: 'ROUTED_BY_RULE',
    reasonParams: [
      { key: 'field', value: 'THIS' },
      { key: 'place', value: 'ENCLOSING' },
    ],
    toUnit: { id: 'u', name: 'UBND thị trấn Nam Ban', isCurrent: true },
  },
  {
    ...base,
    cursor: '3',
    type: 'ESCALATED',
    actorName: 'Hệ thống',
    actorKind: 'SYSTEM',
    reasonCode: 'ESCALATED_OVERDUE',
    reasonParams: [{ key: 'missed', value: 'BOTH' }],
    toUnit: { id: 'p', name: 'UBND huyện Lâm Hà', isCurrent: true },
  },
];

const texts = (locale: Locale) =>
  mount(ThreadTimeline, { props: { events }, global: { plugins: [createAppI18n(locale)] } }).text();

describe('the timeline speaks one language', () => {
  it('translates system reasons and the anonymous author into Vietnamese', () => {
    const text = texts('vi');
    expect(text).toContain('Người dân ẩn danh đã gửi ý kiến');
    expect(text).toContain('Theo quy tắc phân công cho lĩnh vực này tại địa bàn cấp trên');
    expect(text).toContain('Quá hạn tiếp nhận và trả lời: báo cáo lên đơn vị cấp trên');
    expect(text).not.toMatch(/rule|field|overdue|Anonymous/i);
  });

  it('and into English, with no Vietnamese system text', () => {
    const text = texts('en');
    expect(text).toContain('Anonymous citizen posted');
    expect(text).toContain('By the assignment rule for this field in an enclosing area');
    expect(text).toContain('Acknowledgement and answer overdue: reported to the parent unit');
    // Unit names are names; everything else is English.
    expect(text.replace(/UBND (thị trấn Nam Ban|huyện Lâm Hà)/g, '')).not.toMatch(
      /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i,
    );
  });
});

describe('dates', () => {
  it('read "17:00 ngày 02/12/2026" in Vietnamese, in Vietnam time whatever the device zone', () => {
    expect(formatDateTime('2026-12-02T10:00:00.000Z', 'vi')).toBe('17:00 ngày 02/12/2026');
    expect(formatDateTime('2026-12-02T17:30:00.000Z', 'vi')).toBe('00:30 ngày 03/12/2026');
    expect(formatDateTime('2026-12-02T10:00:00.000Z', 'en')).toBe('2 Dec 2026, 17:00');
  });
});
