import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../../web/src/accounts/session';
import ThreadPostForm from '../../../web/src/dialogue/ThreadPostForm.vue';
import { loadDraft } from '../../../web/src/dialogue/postDraft';
import { mountWithApp, type Handlers } from '../support/mount';

const catalog = {
  data: {
    categories: [{ id: 'c-infra', code: 'INFRASTRUCTURE', name: 'Giao thông', nameEn: 'Roads', urgent: false }],
    units: [
      {
        id: 'u-nb',
        code: 'LH.NB',
        name: 'UBND thị trấn Nam Ban',
        level: 'COMMUNE',
        kind: 'GOVERNMENT',
        parentId: null,
        isPlace: true,
        placeName: 'thị trấn Nam Ban',
      },
    ],
  },
};
const posted = {
  data: {
    postFeedback: { trackingCode: 'NB-1', thread: { id: 't-1', title: 'Ổ gà', unit: { id: 'u-nb', name: 'UBND' } } },
  },
};

async function mountForm(handlers: Handlers) {
  const mounted = await mountWithApp(ThreadPostForm, {
    handlers: { Catalog: () => catalog, SimilarThreads: () => ({ data: { similarThreads: [] } }), ...handlers },
  });
  await flushPromises();
  return mounted;
}

async function fillWithPhoto(wrapper: Awaited<ReturnType<typeof mountForm>>['wrapper']) {
  await wrapper.get('[data-testid="post-kind"]').setValue('REPORT');
  await wrapper.get('[data-testid="post-field"]').setValue('c-infra');
  await wrapper.get('[data-testid="post-place"]').setValue('u-nb');
  await wrapper.get('[data-testid="post-title"]').setValue('Ổ gà gần chợ');
  await wrapper.get('[data-testid="post-body"]').setValue('Ổ gà lớn trước cổng chợ Nam Ban.');
  await wrapper.get('[data-testid="post-address"]').setValue('Trước cổng chợ');
  const input = wrapper.get('[data-testid="post-files"]').element as HTMLInputElement;
  const photo = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'o-ga.jpg', { type: 'image/jpeg' });
  Object.defineProperty(input, 'files', { value: [photo], configurable: true });
  await wrapper.get('[data-testid="post-files"]').trigger('change');
}

beforeEach(() => {
  localStorage.clear();
  session.end();
});
afterEach(() => vi.restoreAllMocks());

describe('post form with photos and a place', () => {
  it('uploads the chosen photo first and posts its id with the address', async () => {
    const fetchMock = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response(JSON.stringify({ attachments: [{ id: 'a-1' }] }), { status: 201 }));
    const PostFeedback = vi.fn((_variables: Record<string, unknown>) => posted);
    const { wrapper } = await mountForm({ PostFeedback });
    await fillWithPhoto(wrapper);
    expect(wrapper.findAll('[data-testid="post-file-list"] li')).toHaveLength(1);
    await wrapper.get('[data-testid="post-form"]').trigger('submit');
    await flushPromises();

    const uploadCall = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/uploads'));
    expect(uploadCall).toBeDefined();
    expect((uploadCall![1]!.body as FormData).getAll('file')).toHaveLength(1);
    expect(PostFeedback).toHaveBeenCalledOnce();
    expect(PostFeedback.mock.calls[0]?.[0]).toMatchObject({
      input: { attachmentIds: ['a-1'], address: 'Trước cổng chợ', placeId: 'u-nb' },
    });
  });

  it('keeps the draft and the photo when the upload is refused, and posts nothing', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ errors: [{ message: 'no', extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] }), {
        status: 415,
      }),
    );
    const PostFeedback = vi.fn(() => posted);
    const { wrapper } = await mountForm({ PostFeedback });
    await fillWithPhoto(wrapper);
    await wrapper.get('[data-testid="post-form"]').trigger('submit');
    await flushPromises();
    expect(PostFeedback).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="post-upload-error"]').text()).toBe(
      'Có tệp không phải ảnh hoặc PDF được chấp nhận.',
    );
    expect(loadDraft().title).toBe('Ổ gà gần chợ');
    expect(wrapper.findAll('[data-testid="post-file-list"] li')).toHaveLength(1);
  });
});
