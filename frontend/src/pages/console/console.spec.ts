import { describe, expect, it } from 'vitest'
import { worstLamp } from '@/api/console'
import { currentQuarter } from './usePeriod'

describe('worstLamp', () => {
  it('puts red over yellow over paused over green', () => {
    expect(worstLamp({ green: 5, yellow: 1, red: 1, paused: 2 })).toBe('red')
    expect(worstLamp({ green: 5, yellow: 1, red: 0, paused: 2 })).toBe('yellow')
    expect(worstLamp({ green: 5, yellow: 0, red: 0, paused: 2 })).toBe('paused')
    expect(worstLamp({ green: 5, yellow: 0, red: 0, paused: 0 })).toBe('green')
    expect(worstLamp({ green: 0, yellow: 0, red: 0, paused: 0 })).toBeNull()
  })
})

describe('currentQuarter', () => {
  it('runs from the first day of the quarter to its last', () => {
    expect(currentQuarter(new Date(2026, 10, 22))).toEqual(['2026-10-01', '2026-12-31'])
    expect(currentQuarter(new Date(2026, 0, 1))).toEqual(['2026-01-01', '2026-03-31'])
    expect(currentQuarter(new Date(2026, 5, 30))).toEqual(['2026-04-01', '2026-06-30'])
  })
})
