import type { PublicPower } from '@/api/portal'

/** What the applicant typed as a case number: no spaces, upper case (XK-LAND-001-2026-000001). */
export function normalizeCaseNumber(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase()
}

/** What the applicant typed as a query code: no spaces or dashes, upper case. */
export function normalizeQueryCode(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase()
}

/**
 * Whether a normalized code can be one at all: eight characters of the alphabet codes are drawn
 * from (no I, O, 0 or 1). Checked before asking, so a typo costs no failed lookup.
 */
export function isQueryCode(code: string): boolean {
  return /^[A-HJ-NP-Z2-9]{8}$/.test(code)
}

/**
 * An applicant's name as the portal shows it: the first character, then *. The server already
 * masks it; this keeps the page from ever showing more should it not.
 */
export function maskName(name: string | null | undefined): string {
  if (!name) return '—'
  const chars = [...name.trim()]
  if (chars.length === 0) return '—'
  return `${chars[0]}*`
}

/** Whole minutes to wait, at least one, from a 429's retry-after seconds. */
export function retryMinutes(seconds: unknown): number {
  const n = typeof seconds === 'number' ? seconds : Number(seconds)
  if (!Number.isFinite(n) || n <= 0) return 1
  return Math.max(1, Math.ceil(n / 60))
}

export interface DepartmentGroup {
  id: string
  name: string
  powers: PublicPower[]
}

/** Powers by department, departments and powers in Chinese collation order. */
export function groupByDepartment(powers: PublicPower[], locale = 'zh-CN'): DepartmentGroup[] {
  const collator = new Intl.Collator(locale)
  const groups = new Map<string, DepartmentGroup>()
  for (const power of powers) {
    const id = power.departmentId ?? ''
    let group = groups.get(id)
    if (!group) {
      group = { id, name: power.departmentName ?? id, powers: [] }
      groups.set(id, group)
    }
    group.powers.push(power)
  }
  const sorted = [...groups.values()].sort((a, b) => collator.compare(a.name, b.name))
  sorted.forEach((g) => g.powers.sort((a, b) => collator.compare(a.name, b.name)))
  return sorted
}

/** A fee in yuan as the portal says it: free for zero, the amount otherwise, null when not given. */
export function feeAmount(fee: string | null | undefined): { free: boolean; amount: string } | null {
  if (fee == null || fee.trim() === '') return null
  const value = Number(fee)
  if (Number.isNaN(value)) return { free: false, amount: fee }
  return value === 0 ? { free: true, amount: '0' } : { free: false, amount: fee }
}

/** A rate as a percentage with one decimal, or a dash when there was nothing to rate. */
export function percent(rate: number | null | undefined): string {
  return rate == null ? '—' : `${(rate * 100).toFixed(1)}%`
}

/** Months from `from` to `to` (YYYY-MM), both counted; 0 when `to` is before `from` or either is missing. */
export function monthsBetween(from: string | null | undefined, to: string | null | undefined): number {
  const parse = (m: string | null | undefined) => (m && /^\d{4}-\d{2}$/.test(m) ? Number(m.slice(0, 4)) * 12 + Number(m.slice(5)) - 1 : null)
  const a = parse(from)
  const b = parse(to)
  return a == null || b == null || b < a ? 0 : b - a + 1
}

