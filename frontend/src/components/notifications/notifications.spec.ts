import { describe, expect, it } from 'vitest'
import { badgeText, eventKinds, safeLink } from '@/api/notifications'
import { en, zhCN } from './messages'

describe('the notification bell', () => {
  it('caps the badge so the bell keeps its size', () => {
    expect(badgeText(1)).toBe('1')
    expect(badgeText(99)).toBe('99')
    expect(badgeText(100)).toBe('99+')
  })

  it('follows only links into this app', () => {
    expect(safeLink('/console/cases/abc')).toBe('/console/cases/abc')
    expect(safeLink('//evil.example.com/x')).toBeNull()
    expect(safeLink('https://evil.example.com/')).toBeNull()
    expect(safeLink(null)).toBeNull()
  })

  it('names every kind of event in both languages', () => {
    for (const kind of eventKinds) {
      expect(zhCN.kind[kind]).toBeTruthy()
      expect(en.kind[kind]).toBeTruthy()
    }
  })
})
