import type { RouteRecordRaw } from 'vue-router'

/** The my tasks area's pages, under /tasks. */
export const tasksRoutes: RouteRecordRaw[] = [
  {
    path: '/tasks',
    name: 'tasks',
    component: () => import('./TaskListPage.vue'),
    meta: { roles: ['HANDLER'] },
  },
  {
    path: '/tasks/orders',
    name: 'task-orders',
    component: () => import('./OrdersPage.vue'),
    meta: { roles: ['HANDLER'] },
  },
  {
    path: '/tasks/new',
    name: 'task-start',
    component: () => import('./StartCasePage.vue'),
    meta: { roles: ['HANDLER'] },
  },
  {
    path: '/tasks/:taskId',
    name: 'task',
    component: () => import('./TaskPage.vue'),
    props: true,
    meta: { roles: ['HANDLER'] },
  },
]
