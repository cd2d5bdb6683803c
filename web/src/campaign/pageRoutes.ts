// The campaign pages, each a chunk of its own. This table is itself loaded lazily (see routes.ts),
// so the entry chunk that every citizen downloads does not carry it.
import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router';

const yearOf = (route: RouteLocationNormalized): number | null => {
  const year = Number(route.query.year);
  return Number.isInteger(year) && year > 0 ? year : null;
};

export const campaignPageRoutes: RouteRecordRaw[] = [
  {
    path: '/campaigns',
    name: 'campaigns',
    component: () => import('./CampaignOverviewPage.vue'),
    meta: { roles: ['CITIZEN', 'OFFICER', 'MONITOR', 'ADMIN'] },
  },
  {
    path: '/campaigns/:campaignId/units/:unitId?',
    name: 'campaign-unit',
    component: () => import('./CampaignUnitPage.vue'),
    props: (route) => ({
      campaignId: route.params.campaignId,
      unitId: route.params.unitId || null,
      year: yearOf(route),
    }),
    meta: { roles: ['CITIZEN', 'OFFICER', 'MONITOR', 'ADMIN'] },
  },
  {
    path: '/campaigns/:campaignId/queue',
    name: 'campaign-queue',
    component: () => import('./CampaignQueuePage.vue'),
    props: (route) => ({ campaignId: route.params.campaignId, year: yearOf(route) }),
    meta: { roles: ['MONITOR', 'ADMIN'] },
  },
  {
    path: '/campaigns/:campaignId/review',
    name: 'campaign-review',
    component: () => import('./CampaignReviewPage.vue'),
    props: (route) => ({ campaignId: route.params.campaignId, year: yearOf(route) }),
    meta: { roles: ['OFFICER', 'MONITOR', 'ADMIN'] },
  },
  {
    path: '/campaign-models/:id',
    name: 'campaign-model',
    component: () => import('./CampaignModelPage.vue'),
    props: true,
    meta: { roles: ['CITIZEN', 'OFFICER', 'MONITOR', 'ADMIN'] },
  },
];
