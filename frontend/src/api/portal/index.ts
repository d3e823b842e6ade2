import { http } from '../http'
import type { Lamp } from '../tasks'

/** A public power as the portal lists it (GET /api/public/powers). */
export interface PublicPower {
  code: string
  name: string
  category: string | null
  departmentId: string | null
  departmentName: string | null
  statutoryLimit: string | null
  promisedLimit: string | null
  calendar: string | null
  fee: string | null
  legalBasis: string | null
}

export interface PublicRisk {
  code: string
  level: number
  description: string
  measure: string
}

/** A step's four clarities: posts by name, never people. */
export interface PublicStep {
  id: string
  name: string
  responsible: string[]
  timeLimit: string | null
  supervisor: string | null
  riskLevel: number | null
  risks: PublicRisk[]
  unsupervisedReason: string | null
}

export interface PublicPowerDetail {
  power: PublicPower
  steps: PublicStep[]
  /** The sanitized BPMN: shapes, names, flows and layout only. */
  diagram: string | null
}

export type PauseCategory = 'SUPPLEMENT' | 'HEARING' | 'EXPERT_REVIEW' | 'TESTING' | 'PUBLIC_NOTICE' | 'OTHER'

export interface ProgressStep {
  name: string
  responsible: string[]
  startedAt: string
  endedAt: string | null
  deadline: string | null
  lamp: Lamp
  late: boolean
}

export interface CaseProgress {
  caseNumber: string
  powerCode: string
  powerName: string | null
  departmentName: string | null
  /** Masked: the first character, then *. */
  applicant: string | null
  status: string
  outcome: string | null
  startedAt: string
  endedAt: string | null
  deadline: string | null
  lamp: Lamp
  paused: boolean
  steps: ProgressStep[]
  pauses: { category: PauseCategory; from: string; to: string | null }[]
}

export function listPublicPowers(filter: { q?: string; department?: string; category?: string } = {}) {
  return http.get<PublicPower[]>('/api/public/powers', {
    query: { q: filter.q || undefined, department: filter.department || undefined, category: filter.category || undefined },
    quietUnauthorized: true,
  })
}

export function getPublicPower(code: string) {
  return http.get<PublicPowerDetail>(`/api/public/powers/${encodeURIComponent(code)}`, { quietUnauthorized: true })
}

/** The flowchart as a plain-text download, for saving it. */
export function publicDiagramUrl(code: string) {
  return `/api/public/powers/${encodeURIComponent(code)}/diagram`
}

export function getCaseProgress(caseNumber: string, queryCode: string) {
  return http.get<CaseProgress>(`/api/public/cases/${encodeURIComponent(caseNumber)}`, {
    query: { queryCode },
    quietUnauthorized: true,
  })
}

/** A department that publishes powers. */
export interface PublicDepartment {
  id: string
  name: string
}

/**
 * Figures of a department in a month (`rows`), of a month over the departments asked (`months`, no
 * department) or of a department over the period (`byDepartment`, no month): the console's own.
 * A rate is null when nothing was concluded to rate.
 */
export interface PublicStatRow {
  month: string | null
  departmentId: string | null
  departmentName: string | null
  cases: number
  casesOnTime: number
  casesOverdue: number
  onTimeRate: number | null
  steps: number
  stepsOverdue: number
  stepOnTimeRate: number | null
}

export interface PublicStatistics {
  from: string
  to: string
  department: string | null
  departments: PublicDepartment[]
  months: PublicStatRow[]
  byDepartment: PublicStatRow[]
  rows: PublicStatRow[]
}

/** Months as YYYY-MM, both inclusive (at most 24); without them the last twelve. */
export function getPublicStatistics(filter: { from?: string; to?: string; department?: string } = {}) {
  return http.get<PublicStatistics>('/api/public/statistics', {
    query: { from: filter.from || undefined, to: filter.to || undefined, department: filter.department || undefined },
    quietUnauthorized: true,
  })
}

/** What a complaint is about. */
export type ComplaintSubjectKind = 'CASE' | 'POWER' | 'DEPARTMENT'

/** A complaint as the portal files it (POST /api/public/complaints). */
export interface ComplaintFiling {
  subjectKind: ComplaintSubjectKind
  caseNumber?: string
  caseQueryCode?: string
  powerCode?: string
  departmentId?: string
  text: string
  anonymous: boolean
  name?: string
  phone?: string
  /** The altcha widget's solution (base64 JSON). */
  challenge: string
}

/** The complaint number and the query code to follow it. */
export interface ComplaintFiled {
  complaintNumber: string
  queryCode: string
  filedAt: string
  acceptBy: string | null
}

export type ComplaintStatus = 'RECEIVED' | 'INVESTIGATING' | 'ANSWERING' | 'ANSWERED' | 'REFUSED'
export type ComplaintConclusion = 'SUBSTANTIATED' | 'PARTLY' | 'UNSUBSTANTIATED'

export interface ComplaintStep {
  name: string
  responsible: string[]
  startedAt: string
  endedAt: string | null
  deadline: string | null
  lamp: Lamp
}

/** A complaint as its complainant follows it: nothing personal, posts not people. */
export interface ComplaintProgress {
  complaintNumber: string
  subjectKind: ComplaintSubjectKind
  subject: string
  filedAt: string
  status: ComplaintStatus
  deadline: string | null
  lamp: Lamp
  steps: ComplaintStep[]
  conclusion: ComplaintConclusion | null
  answer: string | null
  refusalReason: string | null
  closedAt: string | null
}

/** Where the altcha widget fetches its proof-of-work challenge. */
export const COMPLAINT_CHALLENGE_URL = '/api/public/complaints/challenge'

export function fileComplaint(filing: ComplaintFiling): Promise<ComplaintFiled> {
  return http.post<ComplaintFiled>('/api/public/complaints', { body: filing, quietUnauthorized: true })
}

export function getComplaintProgress(complaintNumber: string, queryCode: string): Promise<ComplaintProgress> {
  return http.get<ComplaintProgress>(`/api/public/complaints/${encodeURIComponent(complaintNumber)}`, {
    query: { queryCode },
    quietUnauthorized: true,
  })
}
