export type Lamp = 'GREEN' | 'YELLOW' | 'RED' | 'PAUSED' | 'DONE'

export type PauseCategory = 'SUPPLEMENT' | 'HEARING' | 'EXPERT_REVIEW' | 'TESTING' | 'PUBLIC_NOTICE' | 'OTHER'

export const pauseCategories: PauseCategory[] = ['SUPPLEMENT', 'HEARING', 'EXPERT_REVIEW', 'TESTING', 'PUBLIC_NOTICE', 'OTHER']

/** An open task as the lists show it (GET /api/tasks). */
export interface TaskView {
  taskId: string
  caseId: string
  caseNumber: string | null
  powerCode: string | null
  powerName: string | null
  name: string
  assignee: string | null
  candidateGroups: string[]
  createdAt: string
  warnAt: string | null
  deadline: string | null
  lamp: Lamp
  /** ISO-8601 working time left, negative (`-PT1H`) once overdue. */
  remaining: string | null
  supervisor: string | null
  activityId: string
  applicantName: string | null
  title: string | null
  calendar: string
  /** Whether working time passes now (a working hour and the clock not paused). */
  running: boolean
  /** Working time of one day (PT7H on working days). */
  dayLength: string
  /** The reply step of a supervision order. */
  order: boolean
}

export interface FieldOption {
  id: string
  name: string
}

export interface FormField {
  id: string
  label: string | null
  type: 'string' | 'long' | 'boolean' | 'date' | 'enum' | string
  required: boolean
  readonly: boolean
  min: number | null
  max: number | null
  minlength: number | null
  maxlength: number | null
  options: FieldOption[]
  defaultValue: unknown
  value: unknown
}

export interface FieldError {
  field: string | null
  code: 'REQUIRED' | 'TYPE' | 'MIN' | 'MAX' | 'MINLENGTH' | 'MAXLENGTH' | 'OPTION' | 'UNKNOWN' | 'INVALID' | string
  message: string
  limit: number | null
}

export interface TaskDetail {
  task: TaskView
  description: string | null
  fields: FormField[]
  mine: boolean
  claimable: boolean
  instruction: string | null
  supervisedCaseId: string | null
}

export interface PauseView {
  from: string
  to: string | null
  category: PauseCategory
  reason: string
  by: string
  endedBy: string | null
  paused: string | null
}

export interface StepView {
  taskId: string | null
  activityId: string
  name: string
  assignee: string | null
  startedAt: string
  endedAt: string | null
  warnAt: string | null
  deadline: string | null
  lamp: Lamp
  late: boolean
  elapsed: string
  timeLimit: string | null
}

export interface FindingView {
  id: string
  escalationId: string
  taskId: string | null
  kind: 'JUSTIFIED_DELAY' | 'HANDLER_AT_FAULT' | 'PROCESS_AT_FAULT'
  note: string | null
  recordedBy: string
  recordedAt: string
}

export interface CaseView {
  caseId: string
  caseNumber: string
  powerCode: string
  powerName: string | null
  powerVersion: number
  category: string | null
  department: string | null
  legalBasis: string | null
  calendar: string
  timeLimit: string | null
  title: string | null
  applicantName: string
  applicantIdNumber: string | null
  applicantPhone: string | null
  startedBy: string
  extension: Extension | null
  /** Supervisors' findings on the case's escalations. */
  findings?: FindingView[]
  status: string
  startedAt: string
  endedAt: string | null
  deadline: string
  warnAt: string
  lamp: Lamp
  clock: { paused: boolean; pauses: PauseView[] }
  steps: StepView[]
}

export interface CaseClock {
  caseId: string
  timeLimit: string
  calendar: string
  startedAt: string
  warnAt: string
  deadline: string
  covered: boolean
  lamp: Lamp
  clock: { paused: boolean; pauses: PauseView[] }
}

export interface Extension {
  id: string
  caseId: string
  amount: string
  reason: string
  requestedBy: string
  requestedAt: string
  status: 'REQUESTED' | 'APPROVED' | 'REJECTED'
  decidedBy: string | null
  decidedAt: string | null
  note: string | null
  oldDeadline: string | null
  newDeadline: string | null
}

export interface Startable {
  code: string
  name: string
  category: string
  department: string | null
  legalBasis: string | null
  statutoryLimit: string | null
  promisedLimit: string | null
  calendar: string
  acceptingStep: string
  acceptingPosts: string[]
  fields: FormField[]
}

export interface StartCaseRequest {
  powerCode: string
  applicant: { name: string; idNumber?: string; phone?: string }
  title?: string
  variables?: Record<string, unknown>
}

export interface StartedCase {
  caseId: string
  caseNumber: string
  queryCode: string
  deadline: string
  warnAt: string
}

export interface CommentView {
  id: string
  author: string | null
  time: string
  message: string
  taskId: string | null
  stepName: string | null
}

export interface AttachmentView {
  id: string
  name: string
  contentType: string
  size: number
  sha256: string
  taskId: string | null
  stepName: string | null
  uploadedBy: string
  uploadedAt: string
}

export interface AttachmentRules {
  maxBytes: number
  contentTypes: string[]
}

export interface OrderView {
  id: string
  escalationId: string
  caseId: string
  caseNumber: string | null
  orderCaseId: string
  taskId: string | null
  instruction: string
  replyWithin: string
  issuedBy: string
  issuedAt: string
  deadline: string | null
  lamp: Lamp
  remaining: string | null
  assignee: string | null
  candidateGroups: string[]
  running: boolean
  dayLength: string | null
  reply: string | null
  repliedBy: string | null
  repliedAt: string | null
  /** Replied after its deadline, or (still open) past it. */
  late?: boolean
  issuedByName?: string | null
  assigneeName?: string | null
  repliedByName?: string | null
  /** The supervised case's power and the step that was escalated. */
  powerName?: string | null
  stepName?: string | null
  /** The names of `candidateGroups`, the posts an unclaimed reply is offered to. */
  candidateGroupNames?: string[]
}

export interface TaskSummary {
  red: number
  yellow: number
  total: number
}
