import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../../web/src/App.vue';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('placeholder page', () => {
  it.each([
    [true, 'Máy chủ sẵn sàng'],
    [false, 'Máy chủ chưa sẵn sàng'],
  ])('tells whether the server is ready (readyz ok: %s)', async (ok, text) => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue({ ok }));
    const wrapper = mount(App);
    expect(wrapper.text()).toContain('Nghe dân nói, nói dân hiểu, làm dân tin');
    await flushPromises();
    expect(wrapper.get('.status').text()).toBe(text);
  });
});
