import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { createAppI18n } from '../../../web/src/i18n';
import { trackConnection } from '../../../web/src/live/connection';
import LiveIndicator from '../../../web/src/live/LiveIndicator.vue';

/** The part of a graphql-ws client the indicator listens to, driven by the test. */
function fakeSocketEvents() {
  const listeners = new Map<string, Array<(...args: unknown[]) => void>>();
  return {
    on(event: string, listener: (...args: unknown[]) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () => undefined;
    },
    emit(event: string, ...args: unknown[]) {
      listeners.get(event)?.forEach((listener) => listener(...args));
    },
  };
}

function mountIndicator(locale: 'vi' | 'en' = 'vi') {
  const socket = fakeSocketEvents();
  const state = trackConnection(socket as never);
  const wrapper = mount(
    { components: { LiveIndicator }, setup: () => ({ state }), template: '<LiveIndicator :state="state" />' },
    {
      global: { plugins: [createAppI18n(locale)] },
    },
  );
  const indicator = () => wrapper.find('[data-testid="live-indicator"]');
  return { socket, indicator };
}

describe('live indicator', () => {
  it('follows the connection: connecting, live, reconnecting, live again', async () => {
    const { socket, indicator } = mountIndicator();
    expect(indicator().exists()).toBe(false);

    socket.emit('connecting', false);
    await nextTick();
    expect(indicator().attributes('data-state')).toBe('connecting');
    expect(indicator().text()).toBe('Đang kết nối…');

    socket.emit('connected', {}, undefined, false);
    await nextTick();
    expect(indicator().text()).toBe('Trực tiếp');
    expect(indicator().attributes('role')).toBe('status');

    socket.emit('closed', { code: 1006 });
    await nextTick();
    expect(indicator().text()).toBe('Đang kết nối lại…');

    socket.emit('connecting', true);
    await nextTick();
    expect(indicator().attributes('data-state')).toBe('reconnecting');

    socket.emit('connected', {}, undefined, true);
    await nextTick();
    expect(indicator().attributes('data-state')).toBe('live');
  });

  it('hides when the socket closes normally because no page listens', async () => {
    const { socket, indicator } = mountIndicator();
    socket.emit('connected', {}, undefined, false);
    socket.emit('closed', { code: 1000 });
    await nextTick();
    expect(indicator().exists()).toBe(false);
  });

  it('speaks English too', async () => {
    const { socket, indicator } = mountIndicator('en');
    socket.emit('closed', { code: 1006 });
    await nextTick();
    expect(indicator().text()).toBe('Reconnecting…');
  });
});
