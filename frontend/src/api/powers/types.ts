export type Category =
  | 'LICENSING'
  | 'PENALTY'
  | 'COERCION'
  | 'LEVY'
  | 'BENEFIT'
  | 'INSPECTION'
  | 'CONFIRMATION'
  | 'REWARD'
  | 'ADJUDICATION'
  | 'OTHER'
  | 'PERSONNEL'
  | 'FINANCE'
  | 'PROCUREMENT'

export const categories: readonly Category[] = [
  'LICENSING',
  'PENALTY',
  'COERCION',
  'LEVY',
  'BENEFIT',
  'INSPECTION',
  'CONFIRMATION',
  'REWARD',
  'ADJUDICATION',
  'OTHER',
  'PERSONNEL',
  'FINANCE',
  'PROCUREMENT',
]

export interface PowerSummary {
  code: string
  name: string
  category: string
  department: string
  statutoryLimit: string | null
  promisedLimit: string | null
  calendar: string | null
  version: number
  public: boolean
}

export interface Risk {
  code: string
  level: number
  description: string
  measure: string
}

export interface Step {
  id: string
  name: string | null
  assignee: string | null
  candidateGroups: string[]
  timeLimit: string | null
  warnBefore: string | null
  supervisor: string | null
  riskLevel: number | null
  risks: Risk[]
  /** The reason a step is not supervised (`sl:unsupervised`), when it is not. */
  unsupervised?: string | null
}

export interface PowerVersion {
  version: number
  deployedAt?: string | null
  deployedBy?: string | null
  /** Who drew it (绘制人). */
  drawnBy?: string | null
  /** Who approved it (审核人): a reviewer, 'system' for Sunlight's own, null when published without review. */
  approvedBy?: string | null
  processDefinitionId?: string | null
}

export interface PowerDetail extends PowerSummary {
  legalBasis: string | null
  fee: string | null
  /** The server may send plain numbers or objects. */
  versions: Array<number | PowerVersion>
  steps: Step[]
}
