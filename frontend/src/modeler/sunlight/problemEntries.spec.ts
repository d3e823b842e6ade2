import { describe, expect, it } from 'vitest'
import { entryErrors, entryOf } from './problemEntries'

const problem = (elementId: string, code: string, message = code, severity: 'ERROR' | 'WARNING' = 'ERROR') => ({
  elementId,
  code,
  message,
  severity,
})

describe('problems on panel entries', () => {
  it('puts each error on the entry that fixes it', () => {
    expect(entryOf(problem('T', 'MISSING_SUPERVISOR'))).toBe('sl-supervisor')
    expect(entryOf(problem('P', 'MISSING_LEGAL_BASIS'))).toBe('sl-legalBasis')
    expect(entryOf(problem('T', 'INVALID_DURATION', 'warnBefore "P1W" of Task_Review is not a duration'))).toBe('sl-warnBefore')
    expect(entryOf(problem('T', 'UNREACHABLE_ELEMENT'))).toBeUndefined()
  })

  it('keeps the errors of the selected element only, and no warnings', () => {
    const errors = entryErrors(
      [
        problem('Task_Review', 'MISSING_SUPERVISOR', 'no supervisor'),
        problem('Task_Review', 'INVALID_SUPERVISOR', 'second supervisor problem'),
        problem('Task_Review', 'SAME_RESPONSIBLE_AND_SUPERVISOR', 'a warning', 'WARNING'),
        problem('Task_Accept', 'MISSING_TIME_LIMIT', 'another step'),
      ],
      'Task_Review',
    )
    expect(errors).toEqual({ 'sl-supervisor': 'no supervisor' })
  })
})
