import type { RouteRecordRaw } from 'vue-router'

/** The home page (what needs me now) and the inboxes it links to. */
export const homeRoutes: RouteRecordRaw[] = [
  { path: '/home', name: 'home', component: () => import('./HomePage.vue') },
  {
    path: '/inbox/extensions',
    name: 'inbox-extensions',
    component: () => import('./ExtensionInboxPage.vue'),
    meta: { roles: ['LEADER'] },
  },
  {
    path: '/inbox/orders',
    name: 'inbox-orders',
    component: () => import('./IssuedOrdersPage.vue'),
    meta: { roles: ['SUPERVISOR'] },
  },
  {
    path: '/inbox/done',
    name: 'inbox-done',
    component: () => import('./DoneListPage.vue'),
    meta: { roles: ['HANDLER'] },
  },
]
