import { describe, expect, it } from 'vitest'
import { router, safeRedirect } from './index'

describe('safeRedirect', () => {
  it('returns to a page of this app', () => {
    expect(safeRedirect('/catalog/XK-LAND-001?compiled=true')).toBe('/catalog/XK-LAND-001?compiled=true')
  })

  it('never leaves the app nor returns to the sign-in page', () => {
    for (const target of ['https://evil.example', '//evil.example', '/login?redirect=/x', undefined, ['/catalog']]) {
      expect(safeRedirect(target)).toBe('/home')
    }
  })
})

describe('the home page', () => {
  it('is where everyone lands, and the inboxes are kept for their roles', () => {
    expect(router.getRoutes().find((r) => r.path === '/')?.redirect).toBe('/home')
    expect(router.resolve('/home').name).toBe('home')
    expect(router.resolve('/home').meta.roles).toBeUndefined()
    expect(router.resolve('/inbox/extensions').meta.roles).toEqual(['LEADER'])
    expect(router.resolve('/inbox/orders').meta.roles).toEqual(['SUPERVISOR'])
    expect(router.resolve('/inbox/done').meta.roles).toEqual(['HANDLER'])
  })
})

describe('the public portal', () => {
  it('opens without sign-in and without the app header', () => {
    for (const path of ['/portal', '/portal/powers/XK-LAND-001', '/portal/cases', '/portal/cases/XK-LAND-001-2026-000001', '/portal/statistics']) {
      const route = router.resolve(path)
      expect(route.name, path).not.toBe('not-found')
      expect(route.meta.public, path).toBe(true)
      expect(route.meta.bare, path).toBe(true)
    }
    expect(router.resolve('/catalog').meta.public).toBeUndefined()
  })
})
