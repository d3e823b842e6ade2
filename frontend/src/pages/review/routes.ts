import type { RouteRecordRaw } from 'vue-router'

/** The reviewers' queue (法制审核). */
export const reviewRoutes: RouteRecordRaw[] = [
  {
    path: '/review',
    name: 'review',
    component: () => import('./ReviewQueuePage.vue'),
    meta: { roles: ['REVIEWER'] },
  },
]
