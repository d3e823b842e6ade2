import type { RouteRecordRaw } from 'vue-router'

/** The administration area's pages, under /admin. */
export const adminRoutes: RouteRecordRaw[] = [
  {
    path: '/admin/:tab(organisation|people|audit|notifications)?',
    name: 'admin',
    component: () => import('./AdminPage.vue'),
    props: true,
    meta: { roles: ['ADMIN'] },
  },
]
