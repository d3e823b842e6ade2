import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zhCN from '@/i18n/zh-CN'
import en from '@/i18n/en'
import { formatDuration, parseDuration, type Translate } from './useDuration'

function translator(locale: 'zh-CN' | 'en'): Translate {
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en } })
  return (key, named, plural) => i18n.global.t(key, named, plural)
}

const zh = translator('zh-CN')
const english = translator('en')

describe('parseDuration', () => {
  it('reads days, weeks and times', () => {
    expect(parseDuration('P20D')).toMatchObject({ days: 20, hours: 0 })
    expect(parseDuration('P2W')).toMatchObject({ weeks: 2 })
    expect(parseDuration('P1DT2H30M')).toMatchObject({ days: 1, hours: 2, minutes: 30 })
    expect(parseDuration('PT1.5H')).toMatchObject({ hours: 1.5 })
  })

  it('refuses what is not a duration', () => {
    for (const text of ['', 'P', 'PT', '20D', 'P1DT', 'P-1D', 'PT4', 'banana']) {
      expect(parseDuration(text), text).toBeNull()
    }
  })
})

describe('formatDuration', () => {
  it('says working and natural days in Chinese', () => {
    expect(formatDuration('P20D', 'workday', zh)).toBe('20 个工作日')
    expect(formatDuration('P20D', 'natural', zh)).toBe('20 个自然日')
  })

  it('counts in working days when the calendar is not given', () => {
    expect(formatDuration('P10D', undefined, zh)).toBe('10 个工作日')
  })

  it('says hours and minutes', () => {
    expect(formatDuration('PT4H', 'workday', zh)).toBe('4 小时')
    expect(formatDuration('PT4H30M', 'workday', zh)).toBe('4 小时 30 分钟')
    expect(formatDuration('P1DT4H', 'natural', zh)).toBe('1 个自然日 4 小时')
  })

  it('says them in English with plurals', () => {
    expect(formatDuration('P20D', 'workday', english)).toBe('20 working days')
    expect(formatDuration('P1D', 'workday', english)).toBe('1 working day')
    expect(formatDuration('P3D', 'natural', english)).toBe('3 natural days')
    expect(formatDuration('PT1H', 'workday', english)).toBe('1 hour')
    expect(formatDuration('PT4H', 'workday', english)).toBe('4 hours')
  })

  it('shows a dash for nothing and the text itself for a malformed limit', () => {
    expect(formatDuration(null, 'workday', zh)).toBe('—')
    expect(formatDuration('', 'workday', zh)).toBe('—')
    expect(formatDuration('20 days', 'workday', zh)).toBe('20 days')
  })
})
