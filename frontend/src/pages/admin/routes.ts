import type { RouteRecordRaw } from 'vue-router'

/** The administration area's pages, under /admin. */
export const adminRoutes: RouteRecordRaw[] = [
  {
    path: '/admin/:pathMatch(.*)*',
    name: 'admin',
    component: () => import('@/pages/placeholder/ComingSoonPage.vue'),
    meta: { roles: ['ADMIN'] },
  },
]
