// The dashboard's route: its page, texts and Chart.js load only when it is opened.
import type { RouteRecordRaw } from 'vue-router';

export const monitoringRoutes: RouteRecordRaw[] = [
  {
    path: '/monitoring',
    name: 'monitoring',
    component: () => import('./MonitoringDashboardPage.vue'),
    meta: { roles: ['OFFICER', 'MONITOR', 'ADMIN'] },
  },
];
