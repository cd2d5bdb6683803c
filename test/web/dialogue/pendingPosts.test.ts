import { PRIVACY_NOTICE } from '../../../server/src/shared/privacy-notice';
import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../../web/src/accounts/session';
import PendingPostNotice from '../../../web/src/dialogue/PendingPostNotice.vue';
import { createPendingPostQueue, pendingPostsFor } from '../../../web/src/dialogue/pendingPosts';
import ThreadPostForm from '../../../web/src/dialogue/ThreadPostForm.vue';
import { trackingCodeFor } from '../../../web/src/dialogue/trackingCodes';
import type { PostFeedbackInput } from '../../../web/src/graphql/generated';
import { fakeGraphql, mountWithApp } from '../support/mount';

const input: PostFeedbackInput = {
  idempotencyKey: '0f1c3f58-5d0a-4f43-9a51-2b7c1f0e9d11',
  kind: 'REPORT',
  categoryId: 'c-infra',
  placeId: 'u-nb',
  title: 'Đường hư hỏng',
  body: 'Đường tổ dân phố Đông Anh 1 bị sạt lở sau mưa.',
  isPublic: true,
  anonymous: true,
  consentVersion: PRIVACY_NOTICE.version,
};

const posted = {
  data: {
    postFeedback: {
      trackingCode: 'NB7Q-4KPX-2M9T-ABCD',
      thread: { id: 't-9', title: 'Đường hư hỏng', unit: { id: 'u-nb', name: 'UBND thị trấn Nam Ban' } },
    },
  },
};

const offline = () => {
  throw new TypeError('Failed to fetch');
};

const stored = () => JSON.parse(localStorage.getItem('nghedan.pendingPosts') ?? '[]') as PostFeedbackInput[];

beforeEach(() => {
  localStorage.clear();
  session.end();
});

describe('offline post queue', () => {
  it('keeps a post across a reload and sends it once, with the same key, when the connection returns', async () => {
    // First page load: offline, the post is kept.
    const before = fakeGraphql({ PostFeedback: offline });
    const first = createPendingPostQueue(before.client);
    first.keep(input);
    await first.flush();
    expect(stored()).toEqual([input]);
    expect(first.pending.value).toBe(1);

    // Reload: a new queue on the same storage sends what the last page load kept, at start.
    const PostFeedback = vi.fn(() => posted);
    const after = fakeGraphql({ PostFeedback });
    const second = createPendingPostQueue(after.client);
    expect(second.pending.value).toBe(1);
    const window = new EventTarget();
    second.start(window);
    await flushPromises();
    window.dispatchEvent(new Event('online'));
    await second.flush();
    await flushPromises();

    expect(PostFeedback).toHaveBeenCalledExactlyOnceWith({ input });
    expect(stored()).toEqual([]);
    expect(second.pending.value).toBe(0);
    expect(trackingCodeFor('t-9')).toBe('NB7Q-4KPX-2M9T-ABCD');
    expect(second.notices.value).toEqual([{ kind: 'sent', posted: posted.data.postFeedback }]);
  });

  it('sends once when the online event and a retry race', async () => {
    const PostFeedback = vi.fn(() => posted);
    const queue = createPendingPostQueue(fakeGraphql({ PostFeedback }).client);
    queue.keep(input);
    await Promise.all([queue.flush(), queue.flush(), queue.flush()]);
    expect(PostFeedback).toHaveBeenCalledOnce();
  });

  it('keeps a post refused as RATE_LIMITED for a later try, with the same key', async () => {
    const PostFeedback = vi.fn(() => ({
      data: null,
      errors: [{ message: 'Too many attempts.', extensions: { code: 'RATE_LIMITED', retryAfter: 60 } }],
    }));
    const queue = createPendingPostQueue(fakeGraphql({ PostFeedback }).client);
    queue.keep(input);
    await queue.flush();
    expect(PostFeedback).toHaveBeenCalledOnce();
    expect(stored()).toEqual([input]);
    expect(queue.notices.value).toEqual([]);
  });

  it('drops a post the server refuses and says so, rather than retrying forever', async () => {
    const PostFeedback = vi.fn(() => ({
      data: null,
      errors: [{ message: 'bad place', extensions: { code: 'BAD_USER_INPUT', field: 'placeId' } }],
    }));
    const queue = createPendingPostQueue(fakeGraphql({ PostFeedback }).client);
    queue.keep(input);
    await queue.flush();
    await queue.flush();
    expect(PostFeedback).toHaveBeenCalledOnce();
    expect(stored()).toEqual([]);
    expect(queue.notices.value.map((notice) => notice.kind)).toEqual(['refused']);
  });

  it('the post form hands an offline post to the queue; after a reload the shell sends it and shows the code', async () => {
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
    const form = await mountWithApp(ThreadPostForm, { handlers: { Catalog: () => catalog, PostFeedback: offline } });
    await flushPromises();
    const { wrapper } = form;
    await wrapper.get('[data-testid="post-kind"]').setValue('REPORT');
    await wrapper.get('[data-testid="post-field"]').setValue('c-infra');
    await wrapper.get('[data-testid="post-place"]').setValue('u-nb');
    await wrapper.get('[data-testid="post-title"]').setValue(input.title);
    await wrapper.get('[data-testid="post-body"]').setValue(input.body);
    const key = (JSON.parse(localStorage.getItem('nghedan.postDraft') ?? '{}') as { idempotencyKey: string })
      .idempotencyKey;
    await wrapper.get('[data-testid="post-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="post-offline"]').text()).toContain('Mất kết nối');
    expect(stored()).toEqual([{ ...input, idempotencyKey: key }]);
    expect((wrapper.get('[data-testid="post-title"]').element as HTMLInputElement).value).toBe('');
    wrapper.unmount();

    // Reload: the app shell starts the queue of the new page's client.
    const PostFeedback = vi.fn(() => posted);
    const shell = await mountWithApp(PendingPostNotice, { handlers: { PostFeedback } });
    pendingPostsFor(shell.client).start(new EventTarget());
    await flushPromises();
    expect(PostFeedback).toHaveBeenCalledExactlyOnceWith({ input: { ...input, idempotencyKey: key } });
    expect(shell.wrapper.get('[data-testid="pending-post-sent"]').text()).toContain(
      'Ý kiến gửi lúc mất mạng đã được gửi tới UBND thị trấn Nam Ban.',
    );
    expect(shell.wrapper.get('[data-testid="tracking-code"]').text()).toBe('NB7Q-4KPX-2M9T-ABCD');
    expect(stored()).toEqual([]);
  });
});
