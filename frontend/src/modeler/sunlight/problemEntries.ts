/** A finding of the server's validator, as /api/models/validate sends it. */
export interface EntryProblem {
  elementId: string | null
  severity: 'ERROR' | 'WARNING'
  code: string
  message: string
}

// Which panel entry fixes which problem (docs/bpmn-extension.md lists the codes).
const entryOfCode: Record<string, string> = {
  MISSING_POWER: 'sl-code',
  MISSING_POWER_CODE: 'sl-code',
  INVALID_POWER_CODE: 'sl-code',
  MISSING_CATEGORY: 'sl-category',
  UNKNOWN_CATEGORY: 'sl-category',
  MISSING_DEPARTMENT: 'sl-department',
  MISSING_LEGAL_BASIS: 'sl-legalBasis',
  MISSING_CASE_LIMIT: 'sl-promisedLimit',
  PROMISED_EXCEEDS_STATUTORY: 'sl-promisedLimit',
  UNKNOWN_CALENDAR: 'sl-calendar',
  INVALID_FEE: 'sl-fee',
  MISSING_RESPONSIBLE: 'sl-post-add',
  MISSING_STEP: 'sl-timeLimit',
  MISSING_TIME_LIMIT: 'sl-timeLimit',
  UNSUPERVISED_WITHOUT_REASON: 'sl-unsupervised',
  MISSING_SUPERVISOR: 'sl-supervisor',
  INVALID_SUPERVISOR: 'sl-supervisor',
  SAME_RESPONSIBLE_AND_SUPERVISOR: 'sl-supervisor',
  WARN_BEFORE_NOT_SHORTER: 'sl-warnBefore',
  INVALID_RISK_LEVEL: 'sl-riskLevel',
}

// INVALID_DURATION names its attribute in the message.
const durationEntries: Array<[string, string]> = [
  ['warnBefore', 'sl-warnBefore'],
  ['timeLimit', 'sl-timeLimit'],
  ['statutoryLimit', 'sl-statutoryLimit'],
  ['promisedLimit', 'sl-promisedLimit'],
]

export function entryOf(problem: EntryProblem): string | undefined {
  if (problem.code === 'INVALID_DURATION') {
    return durationEntries.find(([attribute]) => problem.message.includes(attribute))?.[1]
  }
  return entryOfCode[problem.code]
}

/**
 * The errors to show on the panel's entries for one element (the properties panel's
 * `propertiesPanel.setErrors`): entry id → message, errors only, the first per entry.
 */
export function entryErrors(problems: EntryProblem[], elementId: string): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const problem of problems) {
    if (problem.severity !== 'ERROR' || problem.elementId !== elementId) continue
    const entry = entryOf(problem)
    if (entry && !(entry in errors)) errors[entry] = problem.message
  }
  return errors
}
