import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../../web/src/accounts/session';
import ThreadSupportButton from '../../../web/src/dialogue/ThreadSupportButton.vue';
import type { Role } from '../../../web/src/graphql/generated';
import { mountWithApp, type Handlers } from '../support/mount';

function signInAs(role: Role) {
  session.start({
    token: `token-${role}`,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    user: { id: 'u-1', displayName: 'Dân', email: 'dan@nghedan.demo', role, unit: null },
  });
}

const mountButton = (handlers: Handlers, canSupport = true) =>
  mountWithApp(ThreadSupportButton, { handlers, options: { props: { threadId: 't-1', canSupport } } });

afterEach(() => session.end());

describe('support button', () => {
  it('supports once and says so', async () => {
    signInAs('CITIZEN');
    const SupportThread = vi.fn(() => ({ data: { supportThread: { id: 't-1', supportCount: 8 } } }));
    const { wrapper } = await mountButton({ SupportThread });
    await wrapper.get('[data-testid="support-button"]').trigger('click');
    await flushPromises();
    expect(SupportThread).toHaveBeenCalledExactlyOnceWith({ threadId: 't-1' });
    expect(wrapper.get('[data-testid="support-status"]').text()).toBe('Bạn đã ủng hộ ý kiến này.');
    expect(wrapper.find('[data-testid="support-button"]').exists()).toBe(false);
    expect(wrapper.emitted('supported')).toEqual([[8]]);
  });

  it('shows "already supported" on CONFLICT, not an error', async () => {
    signInAs('CITIZEN');
    const SupportThread = vi.fn(() => ({
      data: null,
      errors: [{ message: 'You already support this thread.', extensions: { code: 'CONFLICT' } }],
    }));
    const { wrapper } = await mountButton({ SupportThread });
    await wrapper.get('[data-testid="support-button"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="support-status"]').text()).toBe('Bạn đã ủng hộ ý kiến này từ trước.');
    expect(wrapper.find('[data-testid="error-message"]').exists()).toBe(false);
    expect(wrapper.emitted('supported')).toBeUndefined();
  });

  it('shows other errors and lets the citizen try again', async () => {
    signInAs('CITIZEN');
    const SupportThread = vi.fn(() => ({
      data: null,
      errors: [{ message: 'no', extensions: { code: 'BAD_USER_INPUT', field: 'threadId' } }],
    }));
    const { wrapper } = await mountButton({ SupportThread });
    await wrapper.get('[data-testid="support-button"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="error-message"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="support-button"]').exists()).toBe(true);
  });

  it('asks a signed-out visitor to sign in, and offers staff nothing', async () => {
    const signedOut = await mountButton({}, false);
    expect(signedOut.wrapper.get('[data-testid="support-sign-in"]').attributes('href')).toBe('/sign-in?next=/');
    signInAs('OFFICER');
    const officer = await mountButton({}, false);
    expect(officer.wrapper.find('[data-testid="support-button"]').exists()).toBe(false);
    expect(officer.wrapper.find('[data-testid="support-sign-in"]').exists()).toBe(false);
  });

  it('offers the button only when the server says the viewer may support', async () => {
    signInAs('CITIZEN');
    const refused = await mountButton({}, false);
    expect(refused.wrapper.find('[data-testid="support-button"]').exists()).toBe(false);
    expect(refused.wrapper.find('[data-testid="support-sign-in"]').exists()).toBe(false);
  });
});
