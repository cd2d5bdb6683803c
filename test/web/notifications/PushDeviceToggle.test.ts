import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import PushDeviceToggle from '../../../web/src/notifications/PushDeviceToggle.vue';
import { mountWithApp, type Handlers } from '../support/mount';

// A VAPID public key as the server gives it: 65 bytes, base64url without padding. The bytes are
// chosen so that the text holds both '-' and '_' (where base64url differs from base64).
const keyBytes = Uint8Array.from({ length: 65 }, (_, i) => (i === 0 ? 4 : (i * 37 + 251) % 256));
keyBytes.set([0xff, 0xff, 0xff, 0xfb, 0xef, 0xbe], 3); // '____' and '----'
const publicKey = Buffer.from(keyBytes).toString('base64url');
const endpoint = 'https://push.example/send/abc';
const browserKeys = { p256dh: 'BPk-browser-public-key', auth: 'c2VjcmV0LWF1dGg' };

interface FakeBrowser {
  permission: NotificationPermission;
  answer: NotificationPermission;
  subscription: FakeSubscription | null;
}
type FakeSubscription = ReturnType<typeof fakeSubscription>;

function fakeSubscription(browser: FakeBrowser, applicationServerKey: Uint8Array) {
  const subscription = {
    endpoint,
    options: { applicationServerKey: applicationServerKey.slice().buffer, userVisibleOnly: true },
    toJSON: () => ({ endpoint, expirationTime: null, keys: { ...browserKeys } }),
    unsubscribe: vi.fn(async () => {
      browser.subscription = null;
      return true;
    }),
  };
  return subscription;
}

/** Stubs Notification, PushManager and navigator.serviceWorker with one active registration. */
function stubBrowser(permission: NotificationPermission, answer: NotificationPermission = 'granted') {
  const browser: FakeBrowser = { permission, answer, subscription: null };
  const requestPermission = vi.fn(async () => {
    browser.permission = browser.answer;
    return browser.answer;
  });
  vi.stubGlobal('Notification', {
    get permission() {
      return browser.permission;
    },
    requestPermission,
  });
  vi.stubGlobal('PushManager', class {});
  const subscribe = vi.fn(async (options: { userVisibleOnly: boolean; applicationServerKey: Uint8Array }) => {
    browser.subscription = fakeSubscription(browser, options.applicationServerKey);
    return browser.subscription;
  });
  const registration = {
    active: {},
    pushManager: { getSubscription: vi.fn(async () => browser.subscription), subscribe },
  };
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: {
      getRegistration: vi.fn(async () => registration),
      register: vi.fn(async () => registration),
      ready: Promise.resolve(registration),
    },
  });
  return { browser, requestPermission, subscribe };
}

const handlers = (extra: Handlers = {}): Handlers => ({
  PushPublicKey: () => ({ data: { pushPublicKey: publicKey } }),
  RegisterPushSubscription: () => ({ data: { registerPushSubscription: true } }),
  UnregisterPushSubscription: () => ({ data: { unregisterPushSubscription: true } }),
  ...extra,
});

async function mountToggle(extra: Handlers = {}, locale: 'vi' | 'en' = 'vi') {
  const mounted = await mountWithApp(PushDeviceToggle, { handlers: handlers(extra), locale });
  await flushPromises();
  return mounted;
}

const stateOf = (wrapper: Awaited<ReturnType<typeof mountToggle>>['wrapper']) =>
  wrapper.get('[data-testid="push-device-state"]');

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'serviceWorker');
});

describe('notifications on this device', () => {
  it('asks permission, subscribes with the server key and sends endpoint and keys to the server', async () => {
    expect(publicKey).toMatch(/-/);
    expect(publicKey).toMatch(/_/);
    const { requestPermission, subscribe, browser } = stubBrowser('default');
    const RegisterPushSubscription = vi.fn(() => ({ data: { registerPushSubscription: true } }));
    const { wrapper } = await mountToggle({ RegisterPushSubscription });
    expect(wrapper.text()).toContain('Nhận thông báo trên thiết bị này');
    expect(stateOf(wrapper).attributes('data-state')).toBe('off');
    expect(requestPermission).not.toHaveBeenCalled();

    await wrapper.get('[data-testid="push-device-on"]').trigger('click');
    await flushPromises();

    expect(requestPermission).toHaveBeenCalledOnce();
    expect(subscribe).toHaveBeenCalledOnce();
    const options = subscribe.mock.calls[0]![0];
    expect(options.userVisibleOnly).toBe(true);
    expect(options.applicationServerKey).toBeInstanceOf(Uint8Array);
    expect(Array.from(options.applicationServerKey)).toEqual(Array.from(keyBytes));
    expect(RegisterPushSubscription).toHaveBeenCalledExactlyOnceWith({ input: { endpoint, ...browserKeys } });
    expect(browser.subscription).not.toBeNull();
    expect(stateOf(wrapper).attributes('data-state')).toBe('on');
    expect(stateOf(wrapper).text()).toContain('Đang bật');
    expect(wrapper.find('[data-testid="push-device-off"]').exists()).toBe(true);
  });

  it('turns off: unsubscribes the browser and unregisters the endpoint', async () => {
    const { browser } = stubBrowser('granted');
    browser.subscription = fakeSubscription(browser, keyBytes);
    const held = browser.subscription;
    const RegisterPushSubscription = vi.fn(() => ({ data: { registerPushSubscription: true } }));
    const UnregisterPushSubscription = vi.fn(() => ({ data: { unregisterPushSubscription: true } }));
    const { wrapper } = await mountToggle({ RegisterPushSubscription, UnregisterPushSubscription }, 'en');
    expect(stateOf(wrapper).attributes('data-state')).toBe('on');
    // The signed-in account takes over a subscription this browser already holds.
    expect(RegisterPushSubscription).toHaveBeenCalledExactlyOnceWith({ input: { endpoint, ...browserKeys } });

    await wrapper.get('[data-testid="push-device-off"]').trigger('click');
    await flushPromises();

    expect(UnregisterPushSubscription).toHaveBeenCalledExactlyOnceWith({ endpoint });
    expect(held.unsubscribe).toHaveBeenCalledOnce();
    expect(stateOf(wrapper).text()).toBe('Off on this device.');
    expect(wrapper.find('[data-testid="push-device-on"]').exists()).toBe(true);
  });

  it('replaces a subscription made with keys the server no longer has', async () => {
    const { browser, subscribe } = stubBrowser('granted');
    browser.subscription = fakeSubscription(
      browser,
      Uint8Array.from({ length: 65 }, () => 7),
    );
    const stale = browser.subscription;
    const RegisterPushSubscription = vi.fn(() => ({ data: { registerPushSubscription: true } }));
    const { wrapper } = await mountToggle({ RegisterPushSubscription });
    expect(stateOf(wrapper).attributes('data-state')).toBe('off');
    expect(RegisterPushSubscription).not.toHaveBeenCalled();

    await wrapper.get('[data-testid="push-device-on"]').trigger('click');
    await flushPromises();
    expect(stale.unsubscribe).toHaveBeenCalledOnce();
    expect(Array.from(subscribe.mock.calls[0]![0].applicationServerKey)).toEqual(Array.from(keyBytes));
    expect(RegisterPushSubscription).toHaveBeenCalledOnce();
    expect(stateOf(wrapper).attributes('data-state')).toBe('on');
  });

  it('says "blocked by the browser" when notifications are denied, before or at the prompt', async () => {
    stubBrowser('denied');
    const before = await mountToggle({}, 'en');
    expect(stateOf(before.wrapper).attributes('data-state')).toBe('blocked');
    expect(stateOf(before.wrapper).text()).toContain('Blocked by the browser');
    expect(before.wrapper.find('[data-testid="push-device-on"]').exists()).toBe(false);
    before.wrapper.unmount();

    const { subscribe } = stubBrowser('default', 'denied');
    const RegisterPushSubscription = vi.fn(() => ({ data: { registerPushSubscription: true } }));
    const { wrapper } = await mountToggle({ RegisterPushSubscription });
    await wrapper.get('[data-testid="push-device-on"]').trigger('click');
    await flushPromises();
    expect(stateOf(wrapper).attributes('data-state')).toBe('blocked');
    expect(stateOf(wrapper).text()).toContain('Trình duyệt đã chặn');
    expect(subscribe).not.toHaveBeenCalled();
    expect(RegisterPushSubscription).not.toHaveBeenCalled();
  });

  it('says "not supported" without service workers or PushManager, and asks the server nothing', async () => {
    const { requests, wrapper } = await mountToggle({}, 'en');
    expect(stateOf(wrapper).attributes('data-state')).toBe('unsupported');
    expect(stateOf(wrapper).text()).toBe('This browser cannot receive notifications here.');
    expect(wrapper.find('button').exists()).toBe(false);
    expect(requests).toEqual([]);
    wrapper.unmount();

    // A service worker but no PushManager (older Safari): still not supported.
    stubBrowser('default');
    Reflect.deleteProperty(globalThis, 'PushManager');
    const noPush = await mountToggle({});
    expect(stateOf(noPush.wrapper).attributes('data-state')).toBe('unsupported');
    expect(stateOf(noPush.wrapper).text()).toBe('Trình duyệt này không nhận được thông báo ở đây.');
  });

  it('drops the browser subscription when the server refuses it, and shows the error', async () => {
    const { browser } = stubBrowser('granted');
    const { wrapper } = await mountToggle({
      RegisterPushSubscription: () => ({
        data: null,
        errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }],
      }),
    });
    await wrapper.get('[data-testid="push-device-on"]').trigger('click');
    await flushPromises();
    expect(browser.subscription).toBeNull();
    expect(stateOf(wrapper).attributes('data-state')).toBe('off');
    expect(wrapper.find('[data-testid="error-message"]').exists()).toBe(true);
  });

  it('says the server sends no push when it has no key', async () => {
    stubBrowser('default');
    const { wrapper } = await mountToggle({ PushPublicKey: () => ({ data: { pushPublicKey: null } }) }, 'en');
    expect(stateOf(wrapper).text()).toBe('This server does not send push notifications.');
    expect(wrapper.find('button').exists()).toBe(false);
  });
});
