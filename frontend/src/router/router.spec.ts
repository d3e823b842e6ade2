import { describe, expect, it } from 'vitest'
import { safeRedirect } from './index'

describe('safeRedirect', () => {
  it('returns to a page of this app', () => {
    expect(safeRedirect('/catalog/XK-LAND-001?compiled=true')).toBe('/catalog/XK-LAND-001?compiled=true')
  })

  it('never leaves the app nor returns to the sign-in page', () => {
    for (const target of ['https://evil.example', '//evil.example', '/login?redirect=/x', undefined, ['/catalog']]) {
      expect(safeRedirect(target)).toBe('/catalog')
    }
  })
})
