import type { RouteRecordRaw } from 'vue-router'

const roles: ('SUPERVISOR' | 'LEADER' | 'ADMIN')[] = ['SUPERVISOR', 'LEADER', 'ADMIN']

/** The supervision console's pages, under /console. */
export const consoleRoutes: RouteRecordRaw[] = [
  {
    path: '/console',
    component: () => import('./ConsoleLayout.vue'),
    meta: { roles },
    children: [
      { path: '', name: 'console', component: () => import('./BoardPage.vue'), meta: { roles } },
      { path: 'escalations', name: 'console-escalations', component: () => import('./EscalationsPage.vue'), meta: { roles } },
      { path: 'paused', name: 'console-paused', component: () => import('./PausedPage.vue'), meta: { roles } },
      { path: 'statistics', name: 'console-statistics', component: () => import('./StatisticsPage.vue'), meta: { roles } },
      { path: 'evaluation', name: 'console-evaluation', component: () => import('./EvaluationPage.vue'), meta: { roles } },
      { path: 'cases/:caseId', name: 'console-case', component: () => import('./CasePage.vue'), props: true, meta: { roles } },
      { path: 'heatmap', name: 'console-heatmap', component: () => import('./HeatmapPage.vue'), meta: { roles } },
    ],
  },
]
