import { describe, expect, it } from 'vitest'
import zhCN from './zh-CN'
import en from './en'

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\w+\}/g) ?? [])].sort()
}

function leaves(messages: object): Map<string, string> {
  const flat = new Map<string, string>()
  const walk = (node: object, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'object' && value !== null) walk(value, `${prefix}${key}.`)
      else flat.set(`${prefix}${key}`, String(value))
    }
  }
  walk(messages, '')
  return flat
}

describe('the UI messages', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })

  it('use the same placeholders in both languages', () => {
    const english = leaves(en)
    for (const [key, chinese] of leaves(zhCN)) {
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(chinese))
    }
  })

  it('leave no message empty', () => {
    for (const [key, text] of [...leaves(zhCN), ...leaves(en)]) {
      expect(text.trim(), key).not.toBe('')
    }
  })
})
