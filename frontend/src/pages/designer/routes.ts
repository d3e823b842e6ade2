import type { RouteRecordRaw } from 'vue-router'

/** The process designer area's pages, under /designer. */
export const designerRoutes: RouteRecordRaw[] = [
  {
    path: '/designer/:pathMatch(.*)*',
    name: 'designer',
    component: () => import('@/pages/placeholder/ComingSoonPage.vue'),
    meta: { roles: ['DESIGNER', 'ADMIN'] },
  },
]
