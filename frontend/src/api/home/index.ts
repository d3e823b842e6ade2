import { http } from '../http'
import type { Extension, Lamp, OrderView, TaskView } from '../tasks/types'

const id = encodeURIComponent

/** One page of an inbox and how many items the whole inbox holds. */
export interface InboxPage<T> {
  items: T[]
  total: number
}

/** An extension request as a leader reads it (names, not usernames; the deadline it moves). */
export interface ExtensionItem {
  caseId: string
  caseNumber: string | null
  powerCode: string | null
  powerName: string | null
  department: string | null
  departmentName: string | null
  steps: string[]
  applicantName: string | null
  requestedBy: string
  requestedByName: string | null
  requestedAt: string
  amount: string
  calendar: string | null
  reason: string
  deadline: string | null
  extendedDeadline: string | null
  lamp: Lamp
  status: Extension['status']
  decidedBy: string | null
  decidedByName: string | null
  decidedAt: string | null
  note: string | null
}

/** A task the handler completed (已办). */
export interface DoneTask {
  taskId: string
  caseId: string
  caseNumber: string | null
  powerCode: string | null
  powerName: string | null
  stepName: string
  startedAt: string
  completedAt: string
  deadline: string | null
  late: boolean
  order: boolean
}

export interface EscalationItem {
  id: string
  level: 'YELLOW' | 'RED'
  status: 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED'
  caseId: string
  caseNumber: string | null
  powerName: string | null
  stepName: string | null
  departmentName: string | null
  raisedAt: string
  deadline: string
}

export interface DraftItem {
  id: string
  powerCode: string | null
  name: string | null
  revision: number
  updatedAt: string
}

export interface SubmissionItem {
  powerCode: string
  version: number
  name: string
  departmentName: string | null
  submittedByName: string | null
  submittedAt: string
  warnings: number
}

export interface HandlerSection {
  red: number
  yellow: number
  open: number
  urgent: TaskView[]
  orders: number
  newOrders: OrderView[]
}

export interface SupervisorSection {
  newEscalations: number
  escalations: EscalationItem[]
  overdueOrders: number
  orders: OrderView[]
}

export interface LeaderSection {
  pendingExtensions: number
  extensions: ExtensionItem[]
  redAlarms: number
  alarms: EscalationItem[]
}

export interface DesignerSection {
  drafts: number
  recentDrafts: DraftItem[]
  inReview: number
  submissions: SubmissionItem[]
}

export interface ReviewerSection {
  queue: number
  submissions: SubmissionItem[]
}

export interface AdminSection {
  calendar: {
    currentYear: number
    currentYearCovered: boolean
    nextYear: number
    nextYearCovered: boolean
    nextYearDue: boolean
    ok: boolean
  }
  jobs: { due: number; oldestDue: string | null; backlogged: boolean; failed: number; ok: boolean }
  audit: {
    sealedTo: number
    unsealed: number
    checkpointPos: number | null
    checkpointAt: string | null
    stale: boolean
    ok: boolean
  }
  /** Failed notification deliveries: `installed` false until the notification module provides the count. */
  deliveries: { installed: boolean; failed: number | null; ok: boolean }
}

/** What needs the caller now: a section per role they hold, null for the others. */
export interface Home {
  roles: string[]
  handler: HandlerSection | null
  supervisor: SupervisorSection | null
  leader: LeaderSection | null
  designer: DesignerSection | null
  reviewer: ReviewerSection | null
  admin: AdminSection | null
}

export function getHome(): Promise<Home> {
  return http.get<Home>('/api/home')
}

export function listExtensions(
  status: 'pending' | 'decided',
  page = 0,
  size = 20,
): Promise<InboxPage<ExtensionItem>> {
  return http.get<InboxPage<ExtensionItem>>('/api/inbox/extensions', { query: { status, page, size } })
}

export function approveExtension(caseId: string, note?: string): Promise<Extension> {
  return http.post<Extension>(`/api/cases/${id(caseId)}/extensions/approve`, { body: { note } })
}

export function rejectExtension(caseId: string, note: string): Promise<Extension> {
  return http.post<Extension>(`/api/cases/${id(caseId)}/extensions/reject`, { body: { note } })
}

export function listIssuedOrders(page = 0, size = 20): Promise<InboxPage<OrderView>> {
  return http.get<InboxPage<OrderView>>('/api/inbox/orders/issued', { query: { page, size } })
}

export function listRepliedOrders(page = 0, size = 20): Promise<InboxPage<OrderView>> {
  return http.get<InboxPage<OrderView>>('/api/inbox/orders/replied', { query: { page, size } })
}

export function listDone(page = 0, size = 20): Promise<InboxPage<DoneTask>> {
  return http.get<InboxPage<DoneTask>>('/api/inbox/done', { query: { page, size } })
}
