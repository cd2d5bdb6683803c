import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ThreadAssignForm from '../../../web/src/dialogue/ThreadAssignForm.vue';
import ThreadTimeline from '../../../web/src/dialogue/ThreadTimeline.vue';
import { createAppI18n, type Locale } from '../../../web/src/i18n';
import type { LiveEvent } from '../../../web/src/live/liveFeed';

const officers = [
  { id: 'o-1', displayName: 'Cán bộ Nguyễn Văn Một' },
  { id: 'o-2', displayName: 'Cán bộ Trần Thị Hai' },
];

const mountForm = (assigneeId: string | null, locale: Locale = 'vi') =>
  mount(ThreadAssignForm, {
    props: { officers, assigneeId },
    global: { plugins: [createAppI18n(locale)] },
  });

describe('assigning a thread inside the unit', () => {
  it("offers nobody and the unit's officers, starting from who is in charge", () => {
    const wrapper = mountForm('o-1');
    const options = wrapper.findAll('[data-testid="assign-select"] option');
    expect(options.map((option) => option.text())).toEqual([
      'Chưa phân công',
      'Cán bộ Nguyễn Văn Một',
      'Cán bộ Trần Thị Hai',
    ]);
    expect((wrapper.get('[data-testid="assign-select"]').element as HTMLSelectElement).value).toBe('o-1');
    expect(wrapper.get('label[for="thread-assignee"]').text()).toBe('Cán bộ phụ trách');
    // Nothing changed yet: nothing to send.
    expect(wrapper.get('[data-testid="assign-submit"]').attributes('disabled')).toBeDefined();
  });

  it('sends the chosen officer, or null to unassign', async () => {
    const wrapper = mountForm('o-1', 'en');
    await wrapper.get('[data-testid="assign-select"]').setValue('o-2');
    await wrapper.get('[data-testid="assign-form"]').trigger('submit');
    await wrapper.get('[data-testid="assign-select"]').setValue('');
    await wrapper.get('[data-testid="assign-form"]').trigger('submit');
    expect(wrapper.emitted('assign')).toEqual([['o-2'], [null]]);
    expect(wrapper.get('[data-testid="assign-submit"]').text()).toBe('Assign');
  });

  it.each([
    ['vi', 'Cán bộ Một giao cho Cán bộ Trần Thị Hai phụ trách'],
    ['en', 'Cán bộ Một put Cán bộ Trần Thị Hai in charge'],
  ] as const)('names the officer put in charge in the timeline (%s)', (locale, line) => {
    const event: LiveEvent = {
      cursor: '5',
      threadId: 't-1',
      type: 'ASSIGNED',
      actorName: 'Cán bộ Một',
      actorKind: 'PERSON',
      createdAt: '2026-12-02T10:00:00.000Z',
      fromStatus: null,
      toStatus: null,
      internal: true,
      reason: null,
      reasonCode: null,
      reasonParams: [],
      rating: null,
      fromUnit: null,
      toUnit: null,
      message: null,
      assignee: { id: 'o-2', displayName: 'Cán bộ Trần Thị Hai' },
    };
    const wrapper = mount(ThreadTimeline, {
      props: { events: [event] },
      global: { plugins: [createAppI18n(locale)] },
    });
    expect(wrapper.text()).toContain(line);
  });
});
