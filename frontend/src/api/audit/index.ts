import { http } from '../http'

export interface AuditRecord {
  id: string
  recordedAt: string
  actor: string
  action: string
  subjectType: string
  subjectId: string | null
  details: Record<string, string>
  chainPos: number | null
  prevHash: string | null
  hash: string | null
}

export interface AuditPage {
  items: AuditRecord[]
  total: number
}

export interface AuditVerification {
  valid: boolean
  checked: number
  unsealed: number
  firstBroken: { id: string | null; chainPos: number; reason: string } | null
}

export interface AuditQuery {
  actor?: string
  action?: string
  subjectType?: string
  subjectId?: string
  page?: number
  size?: number
}

export function listAudit(query: AuditQuery): Promise<AuditPage> {
  return http.get<AuditPage>('/api/audit', { query: { ...query } })
}

export function verifyAudit(): Promise<AuditVerification> {
  return http.get<AuditVerification>('/api/audit/verify')
}

export const auditActions = [
  'POWER_DEPLOYED',
  'CASE_STARTED',
  'TASK_CLAIMED',
  'TASK_UNCLAIMED',
  'TASK_COMPLETED',
  'TASK_REASSIGNED',
  'CLOCK_PAUSED',
  'CLOCK_RESUMED',
  'EXTENSION_REQUESTED',
  'EXTENSION_APPROVED',
  'EXTENSION_REJECTED',
  'ESCALATION_RAISED',
  'ESCALATION_ACKNOWLEDGED',
  'ESCALATION_RESOLVED',
  'SUPERVISION_ORDER_ISSUED',
  'FINDING_RECORDED',
  'ORGANISATION_CHANGED',
  'CALENDAR_CHANGED',
  'SIGN_IN_FAILED',
  'ACCOUNT_LOCKED',
  'PUBLIC_CASE_LOOKUP',
] as const
