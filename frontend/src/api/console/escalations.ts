import { http } from '../http'

export type Level = 'YELLOW' | 'RED'
export type Status = 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED'
export type FindingKind = 'JUSTIFIED_DELAY' | 'HANDLER_AT_FAULT' | 'PROCESS_AT_FAULT'

export interface EscalationItem {
  id: string
  level: Level
  scope: 'STEP' | 'CASE'
  status: Status
  caseId: string
  caseNumber: string | null
  powerCode: string
  powerName: string | null
  taskId: string | null
  stepId: string | null
  stepName: string | null
  responsible: string | null
  supervisor: string | null
  department: string | null
  raisedAt: string
  deadline: string
  resolvedAt: string | null
  lateness: string | null
  acknowledgedBy: string | null
  acknowledgedAt: string | null
  note: string | null
  leaders: string[]
}

export interface EscalationFilter {
  status?: Status
  level?: Level
  scope?: 'STEP' | 'CASE'
  department?: string
  powerCode?: string
  caseId?: string
  /** Raised in this period: dates, both inclusive. */
  from?: string
  to?: string
  page?: number
  size?: number
}

export function listEscalations(filter: EscalationFilter): Promise<{ items: EscalationItem[]; total: number }> {
  return http.get('/api/escalations', { query: { ...filter } })
}

export function acknowledge(id: string, note?: string): Promise<EscalationItem> {
  return http.post(`/api/escalations/${encodeURIComponent(id)}/acknowledge`, { body: { note: note || undefined } })
}

export function issueOrder(id: string, instruction: string, replyWithin: string) {
  return http.post(`/api/escalations/${encodeURIComponent(id)}/orders`, { body: { instruction, replyWithin } })
}

export function recordFinding(id: string, kind: FindingKind, note: string) {
  return http.post(`/api/escalations/${encodeURIComponent(id)}/findings`, { body: { kind, note: note || undefined } })
}

/**
 * Follows the live stream of escalations the caller may see; the browser reconnects by itself.
 * Returns a function that stops following.
 */
export function followEscalations(onEscalation: (item: EscalationItem) => void): () => void {
  const source = new EventSource('/api/escalations/stream', { withCredentials: true })
  source.addEventListener('escalation', (event) => {
    try {
      onEscalation(JSON.parse((event as MessageEvent<string>).data) as EscalationItem)
    } catch {
      // a malformed event is skipped; the next refresh shows the truth
    }
  })
  return () => source.close()
}
