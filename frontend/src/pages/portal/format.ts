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

/** The server's limits on a complaint's fields (system/Columns, Complaints.MAX_NAME): checked before sending. */
export const COMPLAINT_LIMITS = { text: 2000, name: 64, phone: 20 } as const

/** Digits, perhaps with spaces or dashes, 7 to 20 characters: as the server checks a phone. */
export function isPhone(phone: string): boolean {
  return /^\+?[0-9][0-9 -]{5,18}[0-9]$/.test(phone.trim())
}

export interface ComplaintForm {
  subjectKind: '' | 'CASE' | 'POWER' | 'DEPARTMENT'
  caseNumber: string
  caseQueryCode: string
  powerCode: string
  departmentId: string
  text: string
  anonymous: boolean
  name: string
  phone: string
  challenge: string
}

/**
 * What is wrong with a complaint form before it is sent, as a message key of portal.complaint
 * with its parameters, or null. The server checks all of it again.
 */
export function complaintProblem(form: ComplaintForm): { key: string; params?: Record<string, unknown> } | null {
  if (!form.subjectKind) return { key: 'required_subject' }
  if (form.subjectKind === 'CASE') {
    if (!form.caseNumber.trim() || !form.caseQueryCode.trim()) return { key: 'required_case' }
    if (!isQueryCode(normalizeQueryCode(form.caseQueryCode))) return { key: 'badCaseCode' }
  }
  if (form.subjectKind === 'POWER' && !form.powerCode) return { key: 'required_power' }
  if (form.subjectKind === 'DEPARTMENT' && !form.departmentId) return { key: 'required_department' }
  if (!form.text.trim()) return { key: 'required_text' }
  if ([...form.text].length > COMPLAINT_LIMITS.text) return { key: 'tooLong', params: { field: 'text', max: COMPLAINT_LIMITS.text } }
  if (!form.anonymous) {
    if (!form.name.trim()) return { key: 'required_name' }
    if ([...form.name.trim()].length > COMPLAINT_LIMITS.name) return { key: 'tooLong', params: { field: 'name', max: COMPLAINT_LIMITS.name } }
    if (!form.phone.trim()) return { key: 'required_phone' }
    if (!isPhone(form.phone)) return { key: 'badPhone' }
  }
  if (!form.challenge) return { key: 'required_challenge' }
  return null
}

/** The request body: only the subject's own fields, and no name or phone when anonymous. */
export function complaintBody(form: ComplaintForm) {
  const kind = form.subjectKind as 'CASE' | 'POWER' | 'DEPARTMENT'
  return {
    subjectKind: kind,
    caseNumber: kind === 'CASE' ? normalizeCaseNumber(form.caseNumber) : undefined,
    caseQueryCode: kind === 'CASE' ? normalizeQueryCode(form.caseQueryCode) : undefined,
    powerCode: kind === 'POWER' ? form.powerCode : undefined,
    departmentId: kind === 'DEPARTMENT' ? form.departmentId : undefined,
    text: form.text.trim(),
    anonymous: form.anonymous,
    name: form.anonymous ? undefined : form.name.trim(),
    phone: form.anonymous ? undefined : form.phone.trim(),
    challenge: form.challenge,
  }
}
