import { describe, expect, it } from 'vitest'
import { toAmount, toIso } from './duration'

describe('limits as amounts with units', () => {
  it('reads single-unit ISO durations', () => {
    expect(toAmount('P20D')).toEqual({ amount: 20, unit: 'D' })
    expect(toAmount('PT4H')).toEqual({ amount: 4, unit: 'H' })
    expect(toAmount('PT30M')).toEqual({ amount: 30, unit: 'M' })
  })

  it('leaves mixed, empty and invalid values to the description', () => {
    for (const value of ['P1DT4H', '', null, undefined, 'P1W', '3 days']) expect(toAmount(value)).toBeNull()
  })

  it('writes whole positive amounts only', () => {
    expect(toIso(3, 'D')).toBe('P3D')
    expect(toIso(4, 'H')).toBe('PT4H')
    expect(toIso(15, 'M')).toBe('PT15M')
    for (const amount of [0, -1, 1.5, Number.NaN, null, undefined]) expect(toIso(amount, 'D')).toBeUndefined()
  })
})
