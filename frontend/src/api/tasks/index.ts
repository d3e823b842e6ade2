import { http } from '../http'
import type {
  AttachmentRules,
  AttachmentView,
  CaseClock,
  CaseView,
  CommentView,
  Extension,
  OrderView,
  StartCaseRequest,
  StartedCase,
  Startable,
  TaskDetail,
  TaskView,
} from './types'

export * from './types'

const id = encodeURIComponent

export function listTasks(query: { scope?: 'mine' | 'candidate' | 'all'; lamp?: string } = {}): Promise<TaskView[]> {
  return http.get<TaskView[]>('/api/tasks', { query })
}

export function getTask(taskId: string): Promise<TaskDetail> {
  return http.get<TaskDetail>(`/api/tasks/${id(taskId)}`)
}

export function claimTask(taskId: string): Promise<void> {
  return http.post<void>(`/api/tasks/${id(taskId)}/claim`, { expect: 'none' })
}

export function unclaimTask(taskId: string): Promise<void> {
  return http.post<void>(`/api/tasks/${id(taskId)}/unclaim`, { expect: 'none' })
}

export function completeTask(taskId: string, variables: Record<string, unknown>, comment?: string): Promise<void> {
  return http.post<void>(`/api/tasks/${id(taskId)}/complete`, { body: { variables, comment }, expect: 'none' })
}

export function getCase(caseId: string): Promise<CaseView> {
  return http.get<CaseView>(`/api/cases/${id(caseId)}`)
}

export function startableCases(): Promise<Startable[]> {
  return http.get<Startable[]>('/api/cases/startable')
}

export function startCase(body: StartCaseRequest): Promise<StartedCase> {
  return http.post<StartedCase>('/api/cases', { body })
}

export function suspendClock(caseId: string, category: string, reason: string): Promise<CaseClock> {
  return http.post<CaseClock>(`/api/cases/${id(caseId)}/clock/suspend`, { body: { category, reason } })
}

export function resumeClock(caseId: string): Promise<CaseClock> {
  return http.post<CaseClock>(`/api/cases/${id(caseId)}/clock/resume`)
}

export function requestExtension(caseId: string, amount: string, reason: string): Promise<Extension> {
  return http.post<Extension>(`/api/cases/${id(caseId)}/extensions`, { body: { amount, reason } })
}

export function listComments(caseId: string): Promise<CommentView[]> {
  return http.get<CommentView[]>(`/api/cases/${id(caseId)}/comments`)
}

export function addComment(caseId: string, message: string, taskId?: string): Promise<CommentView> {
  return http.post<CommentView>(`/api/cases/${id(caseId)}/comments`, { body: { message, taskId } })
}

export function attachmentRules(): Promise<AttachmentRules> {
  return http.get<AttachmentRules>('/api/cases/attachment-rules')
}

export function listAttachments(caseId: string): Promise<AttachmentView[]> {
  return http.get<AttachmentView[]>(`/api/cases/${id(caseId)}/attachments`)
}

export function uploadAttachment(caseId: string, file: File, taskId?: string): Promise<AttachmentView> {
  return http.post<AttachmentView>(`/api/cases/${id(caseId)}/attachments`, {
    body: file,
    query: { name: file.name, taskId },
  })
}

export function attachmentUrl(caseId: string, attachmentId: string): string {
  return `/api/cases/${id(caseId)}/attachments/${id(attachmentId)}`
}

export function listOrders(): Promise<OrderView[]> {
  return http.get<OrderView[]>('/api/orders')
}

/** The live feed of the signed-in handler's tasks (server-sent events). */
export function openTaskStream(): EventSource {
  return new EventSource('/api/tasks/stream', { withCredentials: true })
}
