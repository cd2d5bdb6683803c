import { mount } from '@vue/test-utils';
import { vi } from 'vitest';
import type { Sink } from 'graphql-ws';
import { createMemoryHistory, createRouter } from 'vue-router';
import { graphqlPlugin } from '../../../web/src/graphql/provide';
import { createAppI18n, type Locale } from '../../../web/src/i18n';
import MonitoringDashboardPage from '../../../web/src/monitoring/MonitoringDashboardPage.vue';
import { monitoringRoutes } from '../../../web/src/monitoring/routes';
import { fakeGraphql, type Handlers } from '../support/mount';

/** A graphql-ws stand-in that keeps each subscription's sink, so a test can push a tick. */
export function fakeLiveWs() {
  const subscriptions: Array<{ query: string; sink: Sink; disposed: boolean }> = [];
  const ws = {
    subscribe: vi.fn((payload: { query: string }, sink: Sink) => {
      const entry = { query: payload.query, sink, disposed: false };
      subscriptions.push(entry);
      return () => {
        entry.disposed = true;
      };
    }),
    on: vi.fn(() => () => undefined),
  };
  return { ws, subscriptions };
}

/** Mounts the dashboard at `address` with the app's routes for it and GraphQL answered by handlers. */
export async function mountDashboard(address: string, handlers: Handlers, locale: Locale = 'vi') {
  const graphql = fakeGraphql(handlers);
  const live = fakeLiveWs();
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'board', component: { template: '<div />' } },
      { path: '/threads/:id', name: 'thread', component: { template: '<div />' } },
      ...monitoringRoutes,
    ],
  });
  await router.push(address);
  await router.isReady();
  const wrapper = mount(MonitoringDashboardPage, {
    global: { plugins: [createAppI18n(locale), router, graphqlPlugin({ client: graphql.client, ws: live.ws })] },
  });
  return { wrapper, router, ...graphql, ...live };
}
