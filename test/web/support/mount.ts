import { Client, fetchExchange } from '@urql/core';
import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { vi } from 'vitest';
import type { Component } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { graphqlPlugin } from '../../../web/src/graphql/provide';
import { createAppI18n, type Locale } from '../../../web/src/i18n';

/** Answers GraphQL over HTTP by operation name; records every request. */
export type Handlers = Record<string, (variables: Record<string, unknown>) => unknown>;

export function fakeGraphql(handlers: Handlers) {
  const requests: Array<{ operationName: string; variables: Record<string, unknown> }> = [];
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { operationName: string; variables: Record<string, unknown> };
    requests.push(body);
    const handler = handlers[body.operationName];
    if (!handler) throw new TypeError(`no handler for ${body.operationName}`);
    return new Response(JSON.stringify(handler(body.variables)), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  const client = new Client({
    url: 'http://test/graphql',
    exchanges: [fetchExchange],
    fetch,
    preferGetMethod: false,
    requestPolicy: 'network-only',
  });
  return { client, fetch, requests };
}

export const fakeWs = () => ({ subscribe: vi.fn(() => () => undefined), on: vi.fn(() => () => undefined) });

export async function mountWithApp<C extends Component>(
  component: C,
  { handlers = {}, locale = 'vi' as Locale, options = {} as ComponentMountingOptions<C> } = {},
) {
  const graphql = fakeGraphql(handlers);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'board', component: { template: '<div />' } },
      { path: '/threads/:id', name: 'thread', component: { template: '<div />' } },
      { path: '/sign-in', name: 'sign-in', component: { template: '<div />' } },
      { path: '/inbox', name: 'inbox', component: { template: '<div />' } },
    ],
  });
  await router.push('/');
  await router.isReady();
  const wrapper = mount(component, {
    ...options,
    global: { plugins: [createAppI18n(locale), router, graphqlPlugin({ client: graphql.client, ws: fakeWs() })] },
  } as ComponentMountingOptions<C>);
  return { wrapper, router, ...graphql };
}
