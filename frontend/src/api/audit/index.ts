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

/** What is wrong at the first broken position (docs/security.md, "Verification"). */
export type AuditBreakKind =
  | 'KEYING_POINT'
  | 'GAP'
  | 'PREVIOUS_HASH_MISMATCH'
  | 'HASH_MISMATCH'
  | 'CHECKPOINT_MISMATCH'
  | 'MISSING_TAIL'
  | 'HEAD_MISMATCH'
  | 'CHECKPOINT_UNSIGNED'

/** The chain's head signed with the audit key, kept outside the database. */
export interface AuditCheckpoint {
  chainPos: number
  hash: string
  keyedFrom: number
  at: string
  keyId: string
}

export interface AuditVerification {
  valid: boolean
  checked: number
  unsealed: number
  firstBroken: { id: string | null; chainPos: number; kind: AuditBreakKind; reason: string } | null
  /** The first position hashed under the key; records before it keep plain SHA-256. */
  keyedFrom: number | null
  /** The newest signed checkpoint the chain was compared with. */
  checkpoint: AuditCheckpoint | null
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
  'POWER_SUBMITTED',
  'POWER_APPROVED',
  'POWER_REJECTED',
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
  'NOTIFICATION_RETRIED',
  'PUBLIC_CASE_LOOKUP',
] as const
