import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import ReplyTemplatesPage from '../../../web/src/dialogue/ReplyTemplatesPage.vue';
import ThreadReplyForm from '../../../web/src/dialogue/ThreadReplyForm.vue';
import { createAppI18n } from '../../../web/src/i18n';
import { mountWithApp } from '../support/mount';

const received = { id: 'tp-1', title: 'Đã tiếp nhận', body: 'Đơn vị đã tiếp nhận ý kiến của ông/bà.' };
const thanks = { id: 'tp-2', title: 'Cảm ơn', body: 'Cảm ơn ông/bà đã phản ánh.' };

describe('reply templates in the reply box', () => {
  it('inserts a template into an empty box, and after what is already written', async () => {
    const wrapper = mount(ThreadReplyForm, {
      props: { canWriteInternal: true, asAuthor: false, templates: [received, thanks] },
      global: { plugins: [createAppI18n('vi')] },
    });
    expect(wrapper.get('label[for="reply-template"]').text()).toBe('Chèn câu trả lời mẫu');
    await wrapper.get('[data-testid="reply-template"]').setValue('tp-1');
    const box = wrapper.get('[data-testid="reply-body"]').element as HTMLTextAreaElement;
    expect(box.value).toBe(received.body);
    await wrapper.get('[data-testid="reply-template"]').setValue('tp-2');
    expect(box.value).toBe(`${received.body}\n\n${thanks.body}`);
    // The picker goes back to "choose", so the same template can be inserted again.
    expect((wrapper.get('[data-testid="reply-template"]').element as HTMLSelectElement).value).toBe('');
    await wrapper.get('[data-testid="reply-form"]').trigger('submit');
    expect(wrapper.emitted('send')).toEqual([[{ body: `${received.body}\n\n${thanks.body}`, internal: false }]]);
  });

  it('offers no picker to a citizen', () => {
    const wrapper = mount(ThreadReplyForm, {
      props: { canWriteInternal: false, asAuthor: true },
      global: { plugins: [createAppI18n('vi')] },
    });
    expect(wrapper.find('[data-testid="reply-template"]').exists()).toBe(false);
  });
});

describe('the reply templates page', () => {
  const fields = (template: typeof received, global = false) => ({
    __typename: 'ReplyTemplate',
    ...template,
    global,
    viewerCanEdit: !global,
  });

  it('lists templates, edits only the unit’s own, creates, changes and deletes', async () => {
    let list = [fields(received), fields(thanks, true)];
    const { wrapper, requests } = await mountWithApp(ReplyTemplatesPage, {
      handlers: {
        ReplyTemplates: () => ({ data: { replyTemplates: list } }),
        CreateReplyTemplate: (variables: Record<string, unknown>) => {
          const input = variables.input as { title: string; body: string };
          const created = fields({ id: 'tp-3', ...input });
          list = [...list, created];
          return { data: { createReplyTemplate: created } };
        },
        UpdateReplyTemplate: (variables: Record<string, unknown>) => {
          const input = variables.input as { id: string; title: string; body: string };
          list = list.map((item) => (item.id === input.id ? { ...item, ...input } : item));
          return { data: { updateReplyTemplate: list.find((item) => item.id === input.id) } };
        },
        DeleteReplyTemplate: (variables: Record<string, unknown>) => {
          list = list.filter((item) => item.id !== variables.id);
          return { data: { deleteReplyTemplate: variables.id } };
        },
      },
    });
    await flushPromises();
    const items = wrapper.findAll('[data-testid="template-item"]');
    expect(items.map((item) => item.find('h2').text())).toEqual(['Đã tiếp nhận', 'Cảm ơn · Mẫu chung']);
    expect(items[1]!.find('[data-testid="template-edit"]').exists()).toBe(false);

    await wrapper.get('[data-testid="templates-new"]').trigger('click');
    await wrapper.get('[data-testid="templates-save"]').trigger('submit');
    expect(wrapper.get('[role="alert"]').text()).toBe('Hãy điền tiêu đề và nội dung.');
    await wrapper.get('[data-testid="templates-title"]').setValue('  Hẹn khảo sát ');
    await wrapper.get('[data-testid="templates-body"]').setValue('Cán bộ sẽ đến khảo sát.');
    await wrapper.get('[data-testid="templates-form"]').trigger('submit');
    await flushPromises();
    expect(requests.find((request) => request.operationName === 'CreateReplyTemplate')?.variables).toEqual({
      input: { title: 'Hẹn khảo sát', body: 'Cán bộ sẽ đến khảo sát.' },
    });
    expect(wrapper.findAll('[data-testid="template-item"]')).toHaveLength(3);

    await wrapper.findAll('[data-testid="template-edit"]')[0]!.trigger('click');
    expect((wrapper.get('[data-testid="templates-title"]').element as HTMLInputElement).value).toBe('Đã tiếp nhận');
    await wrapper.get('[data-testid="templates-body"]').setValue('Đã tiếp nhận, sẽ trả lời trong 10 ngày làm việc.');
    await wrapper.get('[data-testid="templates-form"]').trigger('submit');
    await flushPromises();
    expect(requests.find((request) => request.operationName === 'UpdateReplyTemplate')?.variables).toEqual({
      input: { id: 'tp-1', title: 'Đã tiếp nhận', body: 'Đã tiếp nhận, sẽ trả lời trong 10 ngày làm việc.' },
    });

    window.confirm = vi.fn(() => true);
    await wrapper.findAll('[data-testid="template-delete"]')[0]!.trigger('click');
    await flushPromises();
    expect(requests.find((request) => request.operationName === 'DeleteReplyTemplate')?.variables).toEqual({
      id: 'tp-1',
    });
    expect(wrapper.findAll('[data-testid="template-item"]').map((item) => item.find('h2').text())).toEqual([
      'Cảm ơn · Mẫu chung',
      'Hẹn khảo sát',
    ]);
  });
});
