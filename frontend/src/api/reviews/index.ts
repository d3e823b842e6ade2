import { http } from '../http'
import type { Problem } from '../designer/types'

/** Where a submitted version stands in review (法制审核). */
export type ReviewStatus = 'IN_REVIEW' | 'APPROVED' | 'REJECTED' | 'SUPERSEDED'

export const reviewStatuses: readonly ReviewStatus[] = ['IN_REVIEW', 'REJECTED', 'APPROVED', 'SUPERSEDED']

/** A version of a power submitted for review; `note` is the approval note or the rejection reason. */
export interface Submission {
  powerCode: string
  version: number
  processKey: string
  name: string | null
  department: string | null
  warnings: number
  status: ReviewStatus
  submittedBy: string
  submittedAt: string
  reviewedBy: string | null
  reviewedAt: string | null
  note: string | null
}

/** What POST /api/models and a draft's deploy answer: 202 in review, or 201 live (review off). */
export interface SubmissionAnswer {
  powerCode: string
  version: number
  status?: ReviewStatus
  processDefinitionId?: string
  problems: Problem[]
}

export interface LiveVersion {
  powerCode: string
  version: number
  processDefinitionId: string
  deployedAt: string
  drawnBy: string
  approvedBy: string
}

export function listSubmissions(query: { status?: ReviewStatus; mine?: boolean } = {}): Promise<Submission[]> {
  return http.get<Submission[]>('/api/reviews', { query: { status: query.status, mine: query.mine ? true : undefined } })
}

/** The submitted source as drawn. */
export function getSubmissionBpmn(code: string, version: number): Promise<string> {
  return http.get<string>(`/api/reviews/${encodeURIComponent(code)}/${version}/bpmn`, { expect: 'text' })
}

export function approveVersion(code: string, version: number, note?: string): Promise<LiveVersion> {
  return http.post<LiveVersion>(`/api/powers/${encodeURIComponent(code)}/versions/${version}/approve`, {
    body: { note: note || undefined },
  })
}

export function rejectVersion(code: string, version: number, reason: string): Promise<Submission> {
  return http.post<Submission>(`/api/powers/${encodeURIComponent(code)}/versions/${version}/reject`, {
    body: { reason },
  })
}
