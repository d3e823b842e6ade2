import { describe, expect, it } from 'vitest'
import type { PublicPower } from '@/api/portal'
import {
  complaintBody,
  complaintProblem,
  type ComplaintForm,
  feeAmount,
  isPhone,
  groupByDepartment,
  isQueryCode,
  maskName,
  monthsBetween,
  normalizeCaseNumber,
  normalizeQueryCode,
  percent,
  retryMinutes,
} from './format'

function power(code: string, name: string, departmentId: string | null, departmentName: string | null): PublicPower {
  return {
    code,
    name,
    category: 'LICENSING',
    departmentId,
    departmentName,
    statutoryLimit: 'P20D',
    promisedLimit: null,
    calendar: 'workday',
    fee: '0',
    legalBasis: null,
  }
}

describe('the portal masks and formats', () => {
  it('masks a name to its first character and a star', () => {
    expect(maskName('张三丰')).toBe('张*')
    expect(maskName(' 某某置业有限公司 ')).toBe('某*')
    expect(maskName('张*')).toBe('张*')
    // A character outside the basic plane is kept whole, not cut in half.
    expect(maskName('𠀀明')).toBe('𠀀*')
    expect(maskName('')).toBe('—')
    expect(maskName(null)).toBe('—')
  })

  it('normalizes what the applicant typed', () => {
    expect(normalizeCaseNumber(' xk-land-001-2026-000001 ')).toBe('XK-LAND-001-2026-000001')
    expect(normalizeQueryCode('abcd efgh')).toBe('ABCDEFGH')
    expect(normalizeQueryCode('ABCD-EFGH')).toBe('ABCDEFGH')
  })

  it('accepts only codes of the query-code alphabet, eight long', () => {
    expect(isQueryCode('ABCDEFGH')).toBe(true)
    expect(isQueryCode('K7P2Q9ZX')).toBe(true)
    expect(isQueryCode('ABCDEFG')).toBe(false)
    expect(isQueryCode('ABCDEFGO')).toBe(false)
    expect(isQueryCode('ABCDEFG1')).toBe(false)
    expect(isQueryCode('abcdefgh')).toBe(false)
  })

  it('rounds the wait of a 429 up to whole minutes', () => {
    expect(retryMinutes(360)).toBe(6)
    expect(retryMinutes(361)).toBe(7)
    expect(retryMinutes(5)).toBe(1)
    expect(retryMinutes('120')).toBe(2)
    expect(retryMinutes(undefined)).toBe(1)
  })

  it('groups powers by department in Chinese order', () => {
    const groups = groupByDepartment([
      power('B', '乙事项', 'land', '县自然资源局'),
      power('A', '甲事项', 'market', '县市场监督管理局'),
      power('C', '丙事项', 'land', '县自然资源局'),
      power('D', '丁事项', null, null),
    ])
    expect(groups.map((g) => g.id)).toEqual(['', 'market', 'land'])
    expect(groups.find((g) => g.id === 'land')?.powers.map((p) => p.code)).toEqual(['C', 'B'])
  })

  it('says a fee of zero is free', () => {
    expect(feeAmount('0')).toEqual({ free: true, amount: '0' })
    expect(feeAmount('12.50')).toEqual({ free: false, amount: '12.50' })
    expect(feeAmount(null)).toBeNull()
    expect(feeAmount(' ')).toBeNull()
  })
})

describe('the public statistics', () => {
  it('shows a rate with one decimal and a dash when there was nothing to rate', () => {
    expect(percent(2 / 3)).toBe('66.7%')
    expect(percent(1)).toBe('100.0%')
    expect(percent(0)).toBe('0.0%')
    expect(percent(null)).toBe('—')
  })

  it('counts the months of a period, both ends included', () => {
    expect(monthsBetween('2026-09', '2026-10')).toBe(2)
    expect(monthsBetween('2024-02', '2026-01')).toBe(24)
    expect(monthsBetween('2024-01', '2026-01')).toBe(25)
    expect(monthsBetween('2026-10', '2026-09')).toBe(0)
    expect(monthsBetween('', '2026-09')).toBe(0)
    expect(monthsBetween('2026-9', '2026-10')).toBe(0)
  })
})

describe('the complaint form', () => {
  const good: ComplaintForm = {
    subjectKind: 'POWER',
    caseNumber: '',
    caseQueryCode: '',
    powerCode: 'XK-LAND-001',
    departmentId: '',
    text: '窗口要求提交法律没有规定的材料',
    anonymous: false,
    name: '李四',
    phone: '138 1234 5678',
    challenge: 'eyJ9',
  }

  it('accepts phones as the server does', () => {
    expect(isPhone('13812345678')).toBe(true)
    expect(isPhone('0571-8888 6666')).toBe(true)
    expect(isPhone('123456')).toBe(false)
    expect(isPhone('call me')).toBe(false)
  })

  it('names the first problem before anything is sent', () => {
    expect(complaintProblem(good)).toBeNull()
    expect(complaintProblem({ ...good, subjectKind: '' })?.key).toBe('required_subject')
    expect(complaintProblem({ ...good, subjectKind: 'CASE' })?.key).toBe('required_case')
    expect(complaintProblem({ ...good, subjectKind: 'CASE', caseNumber: 'X', caseQueryCode: 'IIII0000' })?.key).toBe('badCaseCode')
    expect(complaintProblem({ ...good, powerCode: '' })?.key).toBe('required_power')
    expect(complaintProblem({ ...good, subjectKind: 'DEPARTMENT' })?.key).toBe('required_department')
    expect(complaintProblem({ ...good, text: '  ' })?.key).toBe('required_text')
    expect(complaintProblem({ ...good, text: '字'.repeat(2001) })).toEqual({ key: 'tooLong', params: { field: 'text', max: 2000 } })
    expect(complaintProblem({ ...good, name: '' })?.key).toBe('required_name')
    expect(complaintProblem({ ...good, phone: 'abc' })?.key).toBe('badPhone')
    expect(complaintProblem({ ...good, challenge: '' })?.key).toBe('required_challenge')
    // Anonymous: no name or phone needed.
    expect(complaintProblem({ ...good, anonymous: true, name: '', phone: '' })).toBeNull()
  })

  it("sends only the subject's own fields, and no name or phone when anonymous", () => {
    const body = complaintBody({ ...good, anonymous: true, caseNumber: 'left over' })
    expect(body.name).toBeUndefined()
    expect(body.phone).toBeUndefined()
    expect(body.caseNumber).toBeUndefined()
    expect(body.powerCode).toBe('XK-LAND-001')
    const ofCase = complaintBody({ ...good, subjectKind: 'CASE', caseNumber: ' xk-land-001-2026-000001 ', caseQueryCode: 'abcd efgh' })
    expect(ofCase).toMatchObject({ subjectKind: 'CASE', caseNumber: 'XK-LAND-001-2026-000001', caseQueryCode: 'ABCDEFGH', name: '李四' })
  })
})
