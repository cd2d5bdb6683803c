import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ThreadDuplicateForm from '../../../web/src/dialogue/ThreadDuplicateForm.vue';
import ThreadTimeline from '../../../web/src/dialogue/ThreadTimeline.vue';
import type { Locale } from '../../../web/src/i18n';
import type { LiveEvent } from '../../../web/src/live/liveFeed';
import { mountWithApp } from '../support/mount';

const ORIGINAL = '6f1c1a52-8d7e-4f0b-9a51-0c2f4a9e1b11';
const OTHER = '0b7e3c2d-1a2b-4c3d-8e4f-5a6b7c8d9e0f';

const similar = {
  data: {
    similarThreads: [
      { __typename: 'Thread', id: 'this-thread', title: 'Ổ gà gần chợ', status: 'ROUTED', supportCount: 0 },
      { __typename: 'Thread', id: ORIGINAL, title: 'Ổ gà lớn gần chợ Nam Ban', status: 'IN_PROGRESS', supportCount: 3 },
    ],
  },
};

async function mountForm() {
  const mounted = await mountWithApp(ThreadDuplicateForm, {
    handlers: { SimilarThreads: () => similar },
    options: { props: { threadId: 'this-thread', title: 'Ổ gà gần chợ', placeId: 'u-nb' } },
  });
  await mounted.wrapper.get('[data-testid="duplicate-open"]').trigger('click');
  await flushPromises();
  return mounted;
}

describe('closing a thread as a duplicate (officers)', () => {
  it('offers similar public threads of the same place, not the thread itself', async () => {
    const { wrapper, requests } = await mountForm();
    expect(requests.find((request) => request.operationName === 'SimilarThreads')?.variables).toMatchObject({
      title: 'Ổ gà gần chợ',
      placeId: 'u-nb',
    });
    expect(wrapper.findAll('[data-testid="duplicate-candidate"]').map((label) => label.text())).toEqual([
      'Ổ gà lớn gần chợ Nam Ban',
    ]);
  });

  it('asks for the original, then emits the chosen one with the note', async () => {
    const { wrapper } = await mountForm();
    await wrapper.get('[data-testid="duplicate-form"]').trigger('submit');
    expect(wrapper.get('[role="alert"]').text()).toBe('Hãy chọn ý kiến gốc.');
    expect(wrapper.emitted('mark')).toBeUndefined();

    await wrapper.get('[data-testid="duplicate-candidate"] input').setValue(true);
    await wrapper.get('[data-testid="duplicate-reason"]').setValue('  Mời theo dõi ý kiến gốc.  ');
    await wrapper.get('[data-testid="duplicate-form"]').trigger('submit');
    expect(wrapper.emitted('mark')).toEqual([[{ originalId: ORIGINAL, reason: 'Mời theo dõi ý kiến gốc.' }]]);
  });

  it('takes a pasted link to the original instead', async () => {
    const { wrapper } = await mountForm();
    await wrapper.get('[data-testid="duplicate-original"]').setValue(`https://nghedan.example/threads/${OTHER}`);
    await wrapper.get('[data-testid="duplicate-form"]').trigger('submit');
    expect(wrapper.emitted('mark')).toEqual([[{ originalId: OTHER }]]);
  });
});

const duplicateEvent: LiveEvent = {
  cursor: '9',
  type: 'DUPLICATE',
  threadId: 'this-thread',
  createdAt: '2026-12-02T10:00:00.000Z',
  actorName: 'Nguyễn Văn Cán Bộ',
  actorKind: 'PERSON',
  fromStatus: 'ROUTED',
  assignee: null,
  toStatus: 'CLOSED',
  internal: false,
  reason: 'Mời theo dõi ý kiến gốc.',
  reasonCode: 'DUPLICATE_OF',
  reasonParams: [
    { key: 'original', value: ORIGINAL },
    { key: 'title', value: 'Ổ gà lớn gần chợ Nam Ban' },
  ],
  rating: null,
  fromUnit: null,
  toUnit: null,
  message: null,
};

describe('the author is told on the timeline', () => {
  it.each<[Locale, string[]]>([
    ['vi', ['Nguyễn Văn Cán Bộ đã đóng vì trùng ý kiến khác', 'Trùng với “Ổ gà lớn gần chợ Nam Ban”', 'Mở ý kiến gốc']],
    [
      'en',
      [
        'Nguyễn Văn Cán Bộ closed it as a duplicate',
        'The same matter as “Ổ gà lớn gần chợ Nam Ban”',
        'Open the original thread',
      ],
    ],
  ])('in %s, with the note and a link to the original', async (locale, texts) => {
    const { wrapper } = await mountWithApp(ThreadTimeline, {
      locale,
      options: { props: { events: [duplicateEvent] } },
    });
    for (const text of texts) expect(wrapper.text()).toContain(text);
    expect(wrapper.text()).toContain('Mời theo dõi ý kiến gốc.');
    expect(wrapper.get('[data-testid="timeline-original"]').attributes('href')).toBe(`/threads/${ORIGINAL}`);
  });
});
