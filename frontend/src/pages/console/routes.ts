import type { RouteRecordRaw } from 'vue-router'

/** The supervision console area's pages, under /console. */
export const consoleRoutes: RouteRecordRaw[] = [
  {
    path: '/console/:pathMatch(.*)*',
    name: 'console',
    component: () => import('@/pages/placeholder/ComingSoonPage.vue'),
    meta: { roles: ['SUPERVISOR', 'LEADER', 'ADMIN'] },
  },
]
