import type { RouteRecordRaw } from 'vue-router'
import type { Role } from '@/api/auth'

/**
 * Those who find, grade, draw and answer for risk points: supervisors, leaders, designers and
 * administrators (the server limits each to their departments).
 */
export const riskRoles: Role[] = ['SUPERVISOR', 'LEADER', 'DESIGNER', 'ADMIN']

export const riskRoutes: RouteRecordRaw[] = [
  { path: '/risks', name: 'risks', component: () => import('./RisksPage.vue'), meta: { roles: riskRoles } },
]
