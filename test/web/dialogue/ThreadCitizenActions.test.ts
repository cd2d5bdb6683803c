import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ThreadRatingForm from '../../../web/src/dialogue/ThreadRatingForm.vue';
import ThreadStatusActions from '../../../web/src/dialogue/ThreadStatusActions.vue';
import { createAppI18n, type Locale } from '../../../web/src/i18n';

const plugins = (locale: Locale) => ({ global: { plugins: [createAppI18n(locale)] } });

describe("the citizen's actions on an answered thread", () => {
  it.each([
    ['vi', 'Vấn đề chưa được giải quyết?', 'Mở lại'],
    ['en', 'Not resolved for you?', 'Reopen'],
  ] as const)('titles the section for the citizen and keeps reopening secondary (%s)', (locale, title, button) => {
    const wrapper = mount(ThreadStatusActions, {
      props: { moves: [{ to: 'REOPENED', reasonRequired: true }], asAuthor: true },
      ...plugins(locale),
    });
    expect(wrapper.get('h2').text()).toBe(title);
    const reopen = wrapper.get('[data-testid="move-REOPENED"]');
    expect(reopen.text()).toBe(button);
    expect(reopen.classes()).toContain('ui-button--ghost');
  });

  it("keeps the unit's workflow title for officers", () => {
    const wrapper = mount(ThreadStatusActions, {
      props: { moves: [{ to: 'RESOLVED', reasonRequired: false }] },
      ...plugins('vi'),
    });
    expect(wrapper.get('h2').text()).toBe('Chuyển trạng thái');
    expect(wrapper.get('[data-testid="move-RESOLVED"]').classes()).not.toContain('ui-button--ghost');
  });

  it.each([
    ['vi', ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng']],
    ['en', ['Very dissatisfied', 'Dissatisfied', 'Neither satisfied nor dissatisfied', 'Satisfied', 'Very satisfied']],
  ] as const)('names every score in words, as the radio buttons’ own labels (%s)', async (locale, words) => {
    const wrapper = mount(ThreadRatingForm, plugins(locale));
    const labels = wrapper.findAll('.thread-rating__scores label');
    expect(labels.map((label) => label.text())).toEqual(words.map((word, index) => `${index + 1} · ${word}`));
    expect(wrapper.find('input[aria-label]').exists()).toBe(false);
    await wrapper.get('[data-testid="rating-4"]').setValue(true);
    await wrapper.get('[data-testid="rating-form"]').trigger('submit');
    expect(wrapper.emitted('rate')).toEqual([[{ score: 4 }]]);
  });
});
