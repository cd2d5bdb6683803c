import { mount } from '@vue/test-utils';
import type { Component } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { campaignPageRoutes } from '../../../web/src/campaign/pageRoutes';
import { graphqlPlugin } from '../../../web/src/graphql/provide';
import { createAppI18n, type Locale } from '../../../web/src/i18n';
import { fakeGraphql, fakeWs, type Handlers } from '../support/mount';

/** Mounts a campaign page with the campaign routes (for its links) and GraphQL answered by handlers. */
export async function mountCampaignPage(
  component: Component,
  {
    handlers = {},
    props = {},
    locale = 'vi' as Locale,
  }: { handlers?: Handlers; props?: Record<string, unknown>; locale?: Locale },
) {
  const graphql = fakeGraphql(handlers);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', name: 'board', component: { template: '<div />' } }, ...campaignPageRoutes],
  });
  await router.push('/');
  await router.isReady();
  const wrapper = mount(component, {
    props,
    global: { plugins: [createAppI18n(locale), router, graphqlPlugin({ client: graphql.client, ws: fakeWs() })] },
  });
  return { wrapper, router, ...graphql };
}
