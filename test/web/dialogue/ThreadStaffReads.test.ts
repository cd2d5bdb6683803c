import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ThreadStaffReads from '../../../web/src/dialogue/ThreadStaffReads.vue';
import { createAppI18n } from '../../../web/src/i18n';

const mountReads = (reads: InstanceType<typeof ThreadStaffReads>['$props']['reads'], locale: 'vi' | 'en' = 'vi') =>
  mount(ThreadStaffReads, { props: { reads }, global: { plugins: [createAppI18n(locale)] } });

describe('who read my thread', () => {
  it('names units, and the monitors as a body, never persons', () => {
    const wrapper = mountReads([
      {
        unit: { id: 'u1', name: 'UBND thị trấn Nam Ban' },
        role: 'OFFICER',
        reads: 2,
        firstReadAt: '2026-11-20T02:00:00.000Z',
        lastReadAt: '2026-11-21T03:00:00.000Z',
      },
      {
        unit: null,
        role: 'MONITOR',
        reads: 1,
        firstReadAt: '2026-11-22T02:00:00.000Z',
        lastReadAt: '2026-11-22T02:00:00.000Z',
      },
    ]);
    const rows = wrapper.findAll('[data-testid="staff-read"]').map((row) => row.text());
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('UBND thị trấn Nam Ban');
    expect(rows[0]).toContain('2 lần');
    expect(rows[1]).toContain('Cơ quan giám sát (Ban Dân vận, Mặt trận)');
    expect(wrapper.text()).toContain('Ai đã đọc luồng của tôi');
  });

  it('says so when nobody has read it yet, in English too', () => {
    const wrapper = mountReads([], 'en');
    expect(wrapper.get('[data-testid="staff-reads-none"]').text()).toBe('No staff member has opened this thread yet.');
    expect(wrapper.text()).toContain('Who read my thread');
  });
});
