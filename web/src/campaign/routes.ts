// What the entry chunk knows of the campaign pages: where they live, nothing more. The first visit
// loads CampaignRouteLoader, which adds the real routes (pageRoutes.ts) and navigates again, the
// dynamic-routes pattern of vue-router; so the board stays as light as it was.
import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '../graphql/generated';

const loader = () => import('./CampaignRouteLoader.vue');
const meta = { roles: ['CITIZEN', 'OFFICER', 'MONITOR', 'ADMIN'] as Role[] };

export const campaignRoutes: RouteRecordRaw[] = [
  { path: '/campaigns', name: 'campaigns', component: loader, meta },
  { path: '/campaigns/:rest(.*)+', component: loader, meta },
  { path: '/campaign-models/:rest(.*)+', component: loader, meta },
];
