import { PRIVACY_NOTICE } from '../../../server/src/shared/privacy-notice';
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../../web/src/accounts/session';
import ThreadPostForm from '../../../web/src/dialogue/ThreadPostForm.vue';
import { loadDraft } from '../../../web/src/dialogue/postDraft';
import { trackingCodeFor } from '../../../web/src/dialogue/trackingCodes';
import { mountWithApp, type Handlers } from '../support/mount';

const catalog = {
  data: {
    categories: [
      {
        id: 'c-infra',
        code: 'INFRASTRUCTURE',
        name: 'Giao thông, công trình',
        nameEn: 'Roads and works',
        urgent: false,
      },
    ],
    units: [
      {
        id: 'u-lh',
        code: 'LH',
        name: 'UBND huyện Lâm Hà',
        level: 'DISTRICT',
        kind: 'GOVERNMENT',
        parentId: null,
        isPlace: false,
        placeName: 'UBND huyện Lâm Hà',
      },
      {
        id: 'u-nb',
        code: 'LH.NB',
        name: 'UBND thị trấn Nam Ban',
        level: 'COMMUNE',
        kind: 'GOVERNMENT',
        parentId: 'u-lh',
        isPlace: true,
        placeName: 'thị trấn Nam Ban',
      },
      {
        id: 'u-nb-ca',
        code: 'LH.NB.CA',
        name: 'Công an thị trấn Nam Ban',
        level: 'COMMUNE',
        kind: 'ARMED_FORCES',
        parentId: 'u-nb',
        isPlace: false,
        placeName: 'Công an thị trấn Nam Ban',
      },
      {
        id: 'u-nb-t1',
        code: 'LH.NB.T1',
        name: 'Tổ dân phố Đông Anh 1, thị trấn Nam Ban',
        level: 'VILLAGE',
        kind: 'GOVERNMENT',
        parentId: 'u-nb',
        isPlace: true,
        placeName: 'Tổ dân phố Đông Anh 1, thị trấn Nam Ban',
      },
    ],
  },
};

const posted = (trackingCode: string | null) => ({
  data: {
    postFeedback: {
      trackingCode,
      thread: { id: 't-1', title: 'Đường hư hỏng', unit: { id: 'u-nb', name: 'UBND thị trấn Nam Ban' } },
    },
  },
});

async function mountForm(handlers: Handlers) {
  const mounted = await mountWithApp(ThreadPostForm, { handlers: { Catalog: () => catalog, ...handlers } });
  await flushPromises();
  return mounted;
}

async function fillValid(wrapper: Awaited<ReturnType<typeof mountForm>>['wrapper']) {
  await wrapper.get('[data-testid="post-kind"]').setValue('REPORT');
  await wrapper.get('[data-testid="post-field"]').setValue('c-infra');
  await wrapper.get('[data-testid="post-place"]').setValue('u-nb-t1');
  await wrapper.get('[data-testid="post-title"]').setValue('Đường hư hỏng');
  await wrapper.get('[data-testid="post-body"]').setValue('Đường tổ dân phố Đông Anh 1 bị sạt lở sau mưa.');
}

beforeEach(() => {
  localStorage.clear();
  session.end();
});
afterEach(() => vi.restoreAllMocks());

describe('post form', () => {
  it('offers only communes and villages as places', async () => {
    const { wrapper } = await mountForm({});
    const options = wrapper.findAll('[data-testid="post-place"] option').map((option) => option.attributes('value'));
    expect(options).toEqual(['', 'u-nb', 'u-nb-t1']);
    expect(wrapper.get('[data-testid="post-place"] optgroup').attributes('label')).toBe('thị trấn Nam Ban');
  });

  it('shows what is missing and sends nothing', async () => {
    const PostFeedback = vi.fn(() => posted(null));
    const { wrapper } = await mountForm({ PostFeedback });
    await wrapper.get('[data-testid="post-title"]').setValue('Ngắn');
    await wrapper.get('[data-testid="post-form"]').trigger('submit');
    expect(wrapper.get('[data-testid="post-fix-errors"]').text()).toBe('Hãy sửa các mục được đánh dấu.');
    expect(wrapper.text()).toContain('Tiêu đề cần từ 5 đến 200 ký tự.');
    expect(wrapper.text()).toContain('Nội dung cần từ 10 đến 5000 ký tự.');
    expect(wrapper.get('[data-testid="post-kind"]').attributes('aria-invalid')).toBe('true');
    expect(PostFeedback).not.toHaveBeenCalled();
  });

  it('posts anonymously when signed out and shows the tracking code to copy', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const PostFeedback = vi.fn((_variables: Record<string, unknown>) => posted('NB-7Q4K-PX2M-9T'));
    const { wrapper } = await mountForm({ PostFeedback });
    expect(wrapper.find('[data-testid="post-anonymous-forced"]').exists()).toBe(true);
    const key = loadDraft().idempotencyKey;

    await fillValid(wrapper);
    await wrapper.get('[data-testid="post-form"]').trigger('submit');
    await flushPromises();

    expect(PostFeedback).toHaveBeenCalledOnce();
    expect(PostFeedback.mock.calls[0]?.[0]).toEqual({
      input: {
        idempotencyKey: key,
        kind: 'REPORT',
        categoryId: 'c-infra',
        placeId: 'u-nb-t1',
        title: 'Đường hư hỏng',
        body: 'Đường tổ dân phố Đông Anh 1 bị sạt lở sau mưa.',
        isPublic: true,
        anonymous: true,
        consentVersion: PRIVACY_NOTICE.version,
      },
    });
    expect(wrapper.get('[data-testid="tracking-code"]').text()).toBe('NB-7Q4K-PX2M-9T');
    expect(trackingCodeFor('t-1')).toBe('NB-7Q4K-PX2M-9T');
    await wrapper.get('[data-testid="copy-tracking-code"]').trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith('NB-7Q4K-PX2M-9T');
    expect(wrapper.get('[data-testid="copy-status"]').text()).toBe('Đã sao chép');
    expect(loadDraft().idempotencyKey).not.toBe(key);
  });

  it('keeps the draft and its idempotency key across a failed send and a reload', async () => {
    const keys: unknown[] = [];
    let fail = true;
    const PostFeedback = vi.fn((variables: Record<string, unknown>) => {
      keys.push((variables.input as { idempotencyKey: string }).idempotencyKey);
      if (fail) return { errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED' } }] };
      return posted('CODE');
    });
    const first = await mountForm({ PostFeedback });
    await fillValid(first.wrapper);
    await first.wrapper.get('[data-testid="post-form"]').trigger('submit');
    await flushPromises();
    expect(first.wrapper.get('[data-testid="error-message"]').text()).toBe(
      'Bạn thao tác quá nhanh, hãy thử lại sau ít phút.',
    );
    first.wrapper.unmount();

    fail = false;
    const second = await mountForm({ PostFeedback });
    expect((second.wrapper.get('[data-testid="post-title"]').element as HTMLInputElement).value).toBe('Đường hư hỏng');
    await second.wrapper.get('[data-testid="post-form"]').trigger('submit');
    await flushPromises();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });
});
