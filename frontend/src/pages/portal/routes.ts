import type { RouteRecordRaw } from 'vue-router'

/** The public portal, under /portal: no sign-in, its own layout without the app's header. */
export const portalRoutes: RouteRecordRaw[] = [
  {
    path: '/portal',
    component: () => import('./PortalLayout.vue'),
    meta: { public: true, bare: true },
    children: [
      { path: '', name: 'portal', component: () => import('./PortalCatalogPage.vue') },
      {
        path: 'powers/:code',
        name: 'portal-power',
        component: () => import('./PortalPowerPage.vue'),
        props: true,
      },
      {
        path: 'cases/:caseNumber?',
        name: 'portal-case',
        component: () => import('./PortalCasePage.vue'),
        props: true,
      },
      { path: 'statistics', name: 'portal-statistics', component: () => import('./PortalStatisticsPage.vue') },
      { path: 'complaints/new', name: 'portal-complaint-new', component: () => import('./PortalComplaintNewPage.vue') },
      {
        path: 'complaints/:complaintNumber?',
        name: 'portal-complaint-follow',
        component: () => import('./PortalComplaintPage.vue'),
        props: true,
      },
    ],
  },
]
