/**
 * A time limit as a designer enters it: an amount and a unit, never a raw ISO-8601 string. Days
 * are working or natural days by the power's calendar; hours and minutes are exact.
 */
export type DurationUnit = 'D' | 'H' | 'M'

export interface Amount {
  amount: number
  unit: DurationUnit
}

const single = /^P(?:(\d+)D|T(\d+)H|T(\d+)M)$/

/** `P3D` → 3 days; `PT4H` → 4 hours; anything mixed (`P1DT4H`) or invalid → null. */
export function toAmount(iso: string | null | undefined): Amount | null {
  if (!iso) return null
  const match = single.exec(iso.trim())
  if (!match) return null
  if (match[1] !== undefined) return { amount: Number(match[1]), unit: 'D' }
  if (match[2] !== undefined) return { amount: Number(match[2]), unit: 'H' }
  return { amount: Number(match[3]), unit: 'M' }
}

/** 3 days → `P3D`; a missing, zero or fractional amount → undefined (the attribute is removed). */
export function toIso(amount: number | null | undefined, unit: DurationUnit): string | undefined {
  if (amount == null || !Number.isInteger(amount) || amount <= 0) return undefined
  return unit === 'D' ? `P${amount}D` : `PT${amount}${unit}`
}
