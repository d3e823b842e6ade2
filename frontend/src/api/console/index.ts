import { http } from '../http'

export type LampName = 'green' | 'yellow' | 'red' | 'paused'

export interface LampCount {
  key: string | null
  name: string | null
  green: number
  yellow: number
  red: number
  paused: number
  total: number
}

export interface Board {
  at: string
  stepTotals: LampCount
  caseTotals: LampCount
  stepsByDepartment: LampCount[]
  stepsByPower: LampCount[]
  casesByDepartment: LampCount[]
  casesByPower: LampCount[]
}

export interface PausedCase {
  caseId: string
  caseNumber: string | null
  powerCode: string
  powerName: string | null
  department: string | null
  category: string
  reason: string
  pausedBy: string
  pausedAt: string
  pausedNow: string
  pausedInAll: string
  pauses: number
}

export interface StatRow {
  key: string | null
  name: string | null
  steps: number
  overruns: number
  onTimeRate: number
  yellow: number
  red: number
  faults: number
  cases: number
  casesOnTime: number
  caseOnTimeRate: number
}

export type Grade = 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL'

export interface Evaluation {
  rank: number
  department: string
  name: string
  score: number
  grade: Grade
  steps: number
  onTimeRate: number
  red: number
  faults: number
}

export type Heat = 'GREEN' | 'YELLOW' | 'RED' | 'NONE'

export interface StepHeat {
  stepId: string
  stepName: string | null
  timeLimit: string | null
  executions: number
  medianSeconds: number | null
  p90Seconds: number | null
  yellowRate: number
  redRate: number
  heat: Heat
}

export const groupings = ['DEPARTMENT', 'PERSON', 'POWER', 'MONTH'] as const
export type GroupBy = (typeof groupings)[number]

export interface Period {
  from?: string
  to?: string
}

export function getBoard(department?: string): Promise<Board> {
  return http.get<Board>('/api/console/board', { query: { department } })
}

export function getPausedCases(): Promise<PausedCase[]> {
  return http.get<PausedCase[]>('/api/console/paused')
}

export function getStatistics(groupBy: GroupBy, period: Period): Promise<StatRow[]> {
  return http.get<StatRow[]>('/api/console/statistics', { query: { groupBy, ...period } })
}

export function exportUrl(kind: 'csv' | 'xlsx', groupBy: GroupBy, period: Period): string {
  const params = new URLSearchParams({ groupBy })
  if (period.from) params.set('from', period.from)
  if (period.to) params.set('to', period.to)
  return `/api/console/statistics.${kind}?${params}`
}

export function getEvaluation(period: Period): Promise<Evaluation[]> {
  return http.get<Evaluation[]>('/api/console/evaluation', { query: { ...period } })
}

export function getHeatmap(powerCode: string, period: Period, version?: number): Promise<StepHeat[]> {
  return http.get<StepHeat[]>('/api/console/heatmap', { query: { powerCode, version, ...period } })
}

/** The lamp of a count that matters most: red over yellow over paused over green. */
export function worstLamp(count: Pick<LampCount, LampName>): LampName | null {
  if (count.red > 0) return 'red'
  if (count.yellow > 0) return 'yellow'
  if (count.paused > 0) return 'paused'
  return count.green > 0 ? 'green' : null
}
