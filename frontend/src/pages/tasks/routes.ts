import type { RouteRecordRaw } from 'vue-router'

/** The my tasks area's pages, under /tasks. */
export const tasksRoutes: RouteRecordRaw[] = [
  {
    path: '/tasks/:pathMatch(.*)*',
    name: 'tasks',
    component: () => import('@/pages/placeholder/ComingSoonPage.vue'),
    meta: { roles: ['HANDLER'] },
  },
]
