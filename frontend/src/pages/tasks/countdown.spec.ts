import { describe, expect, it } from 'vitest'
import { durationMillis, formatWorking, remainingText, workingParts, type Translate } from './countdown'

const t: Translate = (key, named) => {
  const texts: Record<string, string> = {
    'duration.workdays': '{n} 个工作日',
    'duration.naturalDays': '{n} 个自然日',
    'tasks.remaining.hours': '{n} 小时',
    'tasks.remaining.minutes': '{n} 分',
    'tasks.remaining.seconds': '{n} 秒',
    'tasks.remaining.left': '剩余 {time}',
    'tasks.remaining.overdue': '已超时 {time}',
    'tasks.remaining.paused': '计时已暂停',
    'tasks.remaining.none': '不计时',
  }
  return (texts[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(named[name]))
}

describe('the countdown', () => {
  it('reads the signed durations the server writes', () => {
    expect(durationMillis('PT14H')).toBe(14 * 3_600_000)
    expect(durationMillis('-PT1H30M')).toBe(-90 * 60_000)
    expect(durationMillis('PT0S')).toBe(0)
    expect(durationMillis('PT2M3.5S')).toBe(123_500)
    expect(durationMillis('P1DT2H')).toBe(26 * 3_600_000)
    expect(durationMillis('soon')).toBeNull()
    expect(durationMillis(null)).toBeNull()
  })

  it('counts working days of the business day, not of 24 hours', () => {
    expect(workingParts(10 * 3_600_000, 7 * 3_600_000)).toEqual({ days: 1, hours: 3, minutes: 0, seconds: 0 })
    expect(formatWorking(10 * 3_600_000 + 65_000, 7 * 3_600_000, 'workday', t)).toBe('1 个工作日 3 小时 1 分 05 秒')
    expect(formatWorking(30 * 3_600_000, 24 * 3_600_000, 'natural', t)).toBe('1 个自然日 6 小时 0 分 00 秒')
    expect(formatWorking(59_000, 7 * 3_600_000, 'workday', t)).toBe('0 分 59 秒')
  })

  it('runs only while working time passes, and says overdue and paused', () => {
    const task = { lamp: 'GREEN' as const, remaining: 'PT1H', running: true, dayLength: 'PT7H', calendar: 'workday' }
    expect(remainingText(task, 60_000, t)).toBe('剩余 59 分 00 秒')
    expect(remainingText({ ...task, running: false }, 60_000, t)).toBe('剩余 1 小时 0 分 00 秒')
    expect(remainingText({ ...task, lamp: 'RED', remaining: '-PT2H' }, 0, t)).toBe('已超时 2 小时 0 分 00 秒')
    expect(remainingText({ ...task, lamp: 'PAUSED' }, 0, t)).toBe('计时已暂停')
    expect(remainingText({ ...task, remaining: null }, 0, t)).toBe('不计时')
  })
})
