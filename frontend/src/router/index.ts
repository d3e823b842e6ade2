import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import type { Role } from '@/api/auth'
import { setUnauthorizedHandler } from '@/api/http'
import { ensureUser, forgetUser } from '@/stores/session'
import { adminRoutes } from '@/pages/admin/routes'
import { consoleRoutes } from '@/pages/console/routes'
import { designerRoutes } from '@/pages/designer/routes'
import { homeRoutes } from '@/pages/home/routes'
import { reviewRoutes } from '@/pages/review/routes'
import { riskRoutes } from '@/pages/risks/routes'
import { portalRoutes } from '@/pages/portal/routes'
import { tasksRoutes } from '@/pages/tasks/routes'

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without signing in. */
    public?: boolean
    /** Drawn without the signed-in app's header (the sign-in page, the public portal). */
    bare?: boolean
    /** Any of these roles may enter; absent means any signed-in user. */
    roles?: Role[]
  }
}

export const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    // Everyone starts on what needs them now, whatever their role (docs/home.md).
    { path: '/', redirect: '/home' },
    {
      path: '/login',
      name: 'login',
      component: () => import('@/pages/login/LoginPage.vue'),
      meta: { public: true },
    },
    { path: '/catalog', name: 'catalog', component: () => import('@/pages/catalog/CatalogPage.vue') },
    {
      path: '/catalog/:code',
      name: 'power',
      component: () => import('@/pages/catalog/PowerDetailPage.vue'),
      props: true,
    },
    ...homeRoutes,
    ...designerRoutes,
    ...reviewRoutes,
    ...tasksRoutes,
    ...consoleRoutes,
    ...riskRoutes,
    ...adminRoutes,
    ...portalRoutes,
    {
      path: '/:pathMatch(.*)*',
      name: 'not-found',
      component: () => import('@/pages/placeholder/NotFoundPage.vue'),
    },
  ],
})

/** Only paths of this app, so that ?redirect= cannot send anyone elsewhere. */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login')
    ? value
    : '/home'
}

function toLogin(to: RouteLocationNormalized) {
  return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
}

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  const user = await ensureUser().catch(() => null)
  if (!user) return toLogin(to)
  const roles = to.meta.roles
  if (roles && !roles.some((role) => user.roles.includes(role))) return { name: 'home' }
  return true
})

setUnauthorizedHandler(() => {
  forgetUser()
  const current = router.currentRoute.value
  if (current.name !== 'login') void router.replace(toLogin(current))
})
