import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router';
import { campaignRoutes } from './campaign/routes';
import type { Role } from './graphql/generated';
import { monitoringRoutes } from './monitoring/routes';

declare module 'vue-router' {
  interface RouteMeta {
    /** Roles that may open the page; absent means everyone. */
    roles?: Role[];
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'board', component: () => import('./dialogue/BoardPage.vue') },
  { path: '/post', name: 'post', component: () => import('./dialogue/ThreadPostPage.vue') },
  { path: '/threads/:id', name: 'thread', component: () => import('./dialogue/ThreadPage.vue'), props: true },
  {
    path: '/my-threads',
    name: 'mine',
    component: () => import('./dialogue/MyThreadsPage.vue'),
    meta: { roles: ['CITIZEN'] },
  },
  { path: '/follow', name: 'follow', component: () => import('./dialogue/ThreadFollowPage.vue') },
  {
    path: '/inbox',
    name: 'inbox',
    component: () => import('./dialogue/InboxPage.vue'),
    meta: { roles: ['OFFICER', 'MONITOR', 'ADMIN'] },
  },
  {
    path: '/templates',
    name: 'templates',
    component: () => import('./dialogue/ReplyTemplatesPage.vue'),
    meta: { roles: ['OFFICER', 'ADMIN'] },
  },
  {
    path: '/inbox/map',
    name: 'inbox-map',
    component: () => import('./dialogue/InboxMapPage.vue'),
    meta: { roles: ['OFFICER', 'MONITOR', 'ADMIN'] },
  },
  {
    path: '/admin/reorganisation',
    name: 'reorganisation',
    component: () => import('./units/UnitReorganisationPage.vue'),
    meta: { roles: ['ADMIN'] },
  },
  ...campaignRoutes,
  ...monitoringRoutes,
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('./notifications/NotificationsPage.vue'),
    meta: { roles: ['CITIZEN', 'OFFICER', 'MONITOR', 'ADMIN'] },
  },
  {
    path: '/my-data',
    name: 'my-data',
    component: () => import('./accounts/MyDataPage.vue'),
    meta: { roles: ['CITIZEN', 'OFFICER', 'MONITOR', 'ADMIN'] },
  },
  { path: '/sign-in', name: 'sign-in', component: () => import('./accounts/AccountSignInPage.vue') },
  { path: '/sign-up', name: 'sign-up', component: () => import('./accounts/AccountSignUpPage.vue') },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('./shared/NotFoundPage.vue') },
];

export function createAppRouter(currentRole: () => Role | null, history: RouterHistory = createWebHistory()) {
  const router = createRouter({ history, routes });
  router.beforeEach((to) => {
    const roles = to.meta.roles;
    if (!roles) return true;
    const role = currentRole();
    if (role && roles.includes(role)) return true;
    return { name: 'sign-in', query: { next: to.fullPath } };
  });
  return router;
}
