import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import ThreadFollowForm from '../../../web/src/dialogue/ThreadFollowForm.vue';
import { trackingCodeFor } from '../../../web/src/dialogue/trackingCodes';
import { mountWithApp } from '../support/mount';

const CODE = 'NB7Q-4KPX-2M9T-ABCD';

beforeEach(() => localStorage.clear());

describe('follow a thread by tracking code', () => {
  it('asks for a code and sends nothing without one', async () => {
    const ThreadByTrackingCode = vi.fn();
    const { wrapper } = await mountWithApp(ThreadFollowForm, { handlers: { ThreadByTrackingCode } });
    expect(wrapper.get('label[for="follow-code"]').text()).toBe('Mã theo dõi');
    await wrapper.get('[data-testid="follow-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('Hãy nhập mã theo dõi.');
    expect(wrapper.get('[data-testid="follow-code"]').attributes('aria-invalid')).toBe('true');
    expect(ThreadByTrackingCode).not.toHaveBeenCalled();
  });

  it('keeps the code on this device by thread id and opens the thread without the code in its address', async () => {
    const ThreadByTrackingCode = vi.fn(() => ({ data: { threadByTrackingCode: { id: 't-1', title: 'Đường hư' } } }));
    const { wrapper, router, requests } = await mountWithApp(ThreadFollowForm, { handlers: { ThreadByTrackingCode } });
    await wrapper.get('[data-testid="follow-code"]').setValue(`  ${CODE} `);
    await wrapper.get('[data-testid="follow-form"]').trigger('submit');
    await flushPromises();
    expect(requests).toEqual([
      expect.objectContaining({ operationName: 'ThreadByTrackingCode', variables: { trackingCode: CODE } }),
    ]);
    expect(trackingCodeFor('t-1')).toBe(CODE);
    expect(router.currentRoute.value.fullPath).toBe('/threads/t-1');
  });

  it('says when no thread has the code, and keeps nothing', async () => {
    const ThreadByTrackingCode = vi.fn(() => ({
      data: null,
      errors: [{ message: 'Thread not found.', extensions: { code: 'NOT_FOUND' } }],
    }));
    const { wrapper, router } = await mountWithApp(ThreadFollowForm, { handlers: { ThreadByTrackingCode } });
    await wrapper.get('[data-testid="follow-code"]').setValue('WRONG-CODE');
    await wrapper.get('[data-testid="follow-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="follow-not-found"]').text()).toBe(
      'Không có ý kiến nào với mã này. Hãy kiểm tra lại.',
    );
    expect(localStorage.length).toBe(0);
    expect(router.currentRoute.value.fullPath).toBe('/');
  });
});
