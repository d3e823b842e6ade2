import type { RouteRecordRaw } from 'vue-router'

const designers = { roles: ['DESIGNER', 'ADMIN'] } as const

/** The process designer area's pages, under /designer. */
export const designerRoutes: RouteRecordRaw[] = [
  {
    path: '/designer',
    name: 'designer',
    component: () => import('./DesignerHomePage.vue'),
    meta: { roles: [...designers.roles] },
  },
  {
    path: '/designer/drafts/:id',
    name: 'designer-draft',
    component: () => import('./DraftEditorPage.vue'),
    props: true,
    meta: { roles: [...designers.roles] },
  },
  {
    path: '/designer/powers/:code',
    name: 'designer-power',
    component: () => import('./PowerDesignPage.vue'),
    props: true,
    meta: { roles: [...designers.roles] },
  },
  {
    path: '/designer/powers/:code/compare',
    name: 'designer-compare',
    component: () => import('./ComparisonPage.vue'),
    props: true,
    // Reviewers compare a version in review with the live one.
    meta: { roles: [...designers.roles, 'REVIEWER'] },
  },
]
