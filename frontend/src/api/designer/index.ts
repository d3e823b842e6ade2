import { http } from '../http'
import type { SubmissionAnswer } from '../reviews'
import type { Comparison, Draft, DraftSummary, ImportProposal, Organisation, ValidationAnswer } from './types'

export * from './types'

export function validateModel(xml: string): Promise<ValidationAnswer> {
  return http.post<ValidationAnswer>('/api/models/validate', { body: xml })
}

/** A flowchart from another modelling tool in, a proposed power out (nothing is stored). */
export function proposeImport(xml: string, process?: string): Promise<ImportProposal> {
  return http.post<ImportProposal>('/api/designer/imports', { body: xml, query: { process } })
}

export function listDrafts(): Promise<DraftSummary[]> {
  return http.get<DraftSummary[]>('/api/designer/drafts')
}

export function getDraft(id: string): Promise<Draft> {
  return http.get<Draft>(`/api/designer/drafts/${encodeURIComponent(id)}`)
}

/** Creates a draft from BPMN XML (a template, an imported file or a deployed version). */
export function createDraft(xml: string): Promise<Draft> {
  return http.post<Draft>('/api/designer/drafts', { body: { xml } })
}

/** Saves over `revision`; a 409 ApiError means someone saved in between. */
export function saveDraft(id: string, revision: number, xml: string): Promise<Draft> {
  return http.put<Draft>(`/api/designer/drafts/${encodeURIComponent(id)}`, { body: { revision, xml } })
}

export function deleteDraft(id: string, revision: number): Promise<void> {
  return http.delete<void>(`/api/designer/drafts/${encodeURIComponent(id)}`, { query: { revision }, expect: 'none' })
}

/** Submits the draft: in review (202) or, with review switched off, live at once (201). */
export function deployDraft(id: string, revision: number): Promise<SubmissionAnswer> {
  return http.post<SubmissionAnswer>(`/api/designer/drafts/${encodeURIComponent(id)}/deploy`, { body: { revision } })
}

export function getOrganisation(): Promise<Organisation> {
  return http.get<Organisation>('/api/designer/org')
}

export function comparePower(code: string, from: number, to: number): Promise<Comparison> {
  return http.get<Comparison>(`/api/designer/powers/${encodeURIComponent(code)}/comparison`, { query: { from, to } })
}
