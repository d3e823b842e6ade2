export type Severity = 'ERROR' | 'WARNING'

export interface Problem {
  elementId: string | null
  severity: Severity
  code: string
  message: string
  /** Where in the file, for breaches of the BPMN schema (from 1). */
  line?: number
  column?: number
}

export interface ValidationAnswer {
  valid: boolean
  problems: Problem[]
}

export interface DraftSummary {
  id: string
  powerCode: string | null
  name: string | null
  revision: number
  createdBy: string
  createdAt: string
  updatedBy: string
  updatedAt: string
}

export interface Draft extends DraftSummary {
  xml: string
}

export interface Post {
  id: string
  name: string
  type: string | null
}

export interface Person {
  id: string
  name: string
}

export interface Organisation {
  posts: Post[]
  people: Person[]
}

export interface RiskPoints {
  level1: number
  level2: number
  level3: number
  total: number
}

export interface Figures {
  steps: number
  supervisedSteps: number
  posts: string[]
  longestPath: string
  statutoryLimit: string | null
  promisedLimit: string | null
  calendar: string
  discretionSteps: string[]
  riskPoints: RiskPoints
}

export interface ComparisonSide {
  version: number
  name: string
  deployedAt: string | null
  deployedBy: string | null
  figures: Figures
}

export interface ElementChange {
  id: string
  type: string
  name: string | null
  changes: string[]
}

export interface Comparison {
  powerCode: string
  before: ComparisonSide
  after: ComparisonSide
  difference: {
    steps: number
    supervisedSteps: number
    posts: number
    longestPath: string
    statutoryLimit: string | null
    promisedLimit: string | null
    calendarChanged: boolean
    discretionSteps: number
    riskPoints: RiskPoints
  }
  elements: { added: ElementChange[]; removed: ElementChange[]; changed: ElementChange[] }
}

/** What the server changed in a flowchart from another tool (ImportProposal.Change). */
export type ImportChange =
  | 'PROCESS_LEFT_OUT'
  | 'MESSAGE_FLOW_DROPPED'
  | 'ROOT_ELEMENT_DROPPED'
  | 'TASK_BECAME_USER_TASK'
  | 'IMPLEMENTATION_DROPPED'
  | 'VENDOR_EXTENSION_DROPPED'
  | 'VENDOR_ATTRIBUTE_DROPPED'
  | 'ASSIGNMENT_KEPT'
  | 'CONDITION_DROPPED'
  | 'LANE_BECAME_POST'
  | 'LANE_BECAME_NEW_POST'
  | 'POOL_BECAME_DEPARTMENT'
  | 'POOL_UNMATCHED'
  | 'STEP_ADDED'
  | 'POWER_ADDED'
  | 'NO_DIAGRAM'

export interface ImportNote {
  code: ImportChange
  elementId: string | null
  elementName: string | null
  detail: string | null
}

export interface ImportedProcess {
  id: string
  name: string | null
  pool: string | null
  tasks: number
  lanes: number
}

/** The proposed power; xml is null until a process of a file with several is chosen. */
export interface ImportProposal {
  processes: ImportedProcess[]
  processId: string | null
  xml: string | null
  drawn: boolean
  notes: ImportNote[]
  problems: Problem[]
}
