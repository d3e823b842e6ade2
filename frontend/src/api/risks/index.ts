import { http, problemOf } from '../http'
import { currentLocale } from '@/i18n'
import { download as save } from '@/modeler/export'

export type RiskView = 'POST' | 'DEPARTMENT' | 'UNIT'
export type RiskStatus = 'ACTIVE' | 'RETIRED'
export type OwnerRole = 'PRINCIPAL' | 'DEPUTY' | 'HEAD'

export const views: RiskView[] = ['POST', 'DEPARTMENT', 'UNIT']

export interface Named {
  id: string
  name: string
}

export interface RiskChange {
  version: number
  change: 'ADDED' | 'CHANGED' | 'RETIRED' | 'RESTORED'
  level: number
  stepId: string
  stepName: string | null
  posts: string | null
  description: string | null
  measure: string | null
  at: string
}

export interface RiskPoint {
  id: number
  code: string | null
  powerCode: string
  powerName: string
  department: string
  departmentName: string
  stepId: string
  stepName: string | null
  posts: Named[]
  level: number
  description: string | null
  measure: string | null
  ownerRole: OwnerRole
  owners: Named[]
  status: RiskStatus
  firstVersion: number
  lastVersion: number
  retiredVersion: number | null
  reviewedAt: string
  reviewedBy: Named | null
  history: RiskChange[]
}

export interface RiskGroup {
  id: string
  name: string | null
  department: string | null
  departmentName: string | null
  points: RiskPoint[]
}

export interface Register {
  view: RiskView
  title: string
  total: number
  groups: RiskGroup[]
}

/** The register's filters; empty values are left out. `status` ALL shows active and retired points. */
export interface RiskFilter {
  department?: string
  level?: number
  status?: RiskStatus | 'ALL'
  power?: string
  q?: string
}

export function query(view: RiskView, filter: RiskFilter): Record<string, string> {
  const params: Record<string, string> = { view }
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== null && String(value).trim() !== '') params[key] = String(value).trim()
  }
  return params
}

export function getRegister(view: RiskView, filter: RiskFilter): Promise<Register> {
  return http.get<Register>('/api/risks', { query: query(view, filter) })
}

export function exportUrl(kind: 'xlsx' | 'pdf', view: RiskView, filter: RiskFilter): string {
  return `/api/risks/register.${kind}?${new URLSearchParams(query(view, filter))}`
}

/**
 * Fetches an export and saves it under the server's file name. A refusal (e.g. 503: the server
 * has no Chinese font to print with) is thrown as an ApiError with the server's reason.
 */
export async function download(kind: 'xlsx' | 'pdf', view: RiskView, filter: RiskFilter): Promise<void> {
  const response = await fetch(exportUrl(kind, view, filter), {
    credentials: 'same-origin',
    headers: { 'Accept-Language': currentLocale(), 'X-Requested-With': 'XMLHttpRequest' },
  })
  if (!response.ok) throw await problemOf(response)
  save(fileName(response.headers.get('Content-Disposition')) ?? `risk-register.${kind}`, await response.blob())
}

/** The file name of a Content-Disposition header (RFC 6266 filename* first). */
export function fileName(header: string | null): string | undefined {
  if (!header) return undefined
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)
  if (encoded?.[1]) return decodeURIComponent(encoded[1])
  const plain = /filename="?([^";]+)"?/i.exec(header)
  return plain?.[1]
}

/** One row of the risk map: a department's points by level (1 高, 2 中, 3 低). */
export interface HeatRow {
  department: string
  departmentName: string
  counts: Record<1 | 2 | 3, number>
  total: number
}

/**
 * The department × level map of these points (each point once, however many posts it has),
 * departments with the most serious points first; `max` is the largest cell, for shading.
 */
export function heat(points: RiskPoint[]): { rows: HeatRow[]; max: number } {
  const byDepartment = new Map<string, HeatRow>()
  const seen = new Set<number>()
  for (const point of points) {
    if (seen.has(point.id)) continue
    seen.add(point.id)
    let row = byDepartment.get(point.department)
    if (!row) {
      row = { department: point.department, departmentName: point.departmentName, counts: { 1: 0, 2: 0, 3: 0 }, total: 0 }
      byDepartment.set(point.department, row)
    }
    if (point.level === 1 || point.level === 2 || point.level === 3) row.counts[point.level]++
    row.total++
  }
  const rows = [...byDepartment.values()].sort(
    (a, b) => b.counts[1] - a.counts[1] || b.counts[2] - a.counts[2] || b.total - a.total || a.departmentName.localeCompare(b.departmentName),
  )
  const max = Math.max(0, ...rows.flatMap((r) => [r.counts[1], r.counts[2], r.counts[3]]))
  return { rows, max }
}
