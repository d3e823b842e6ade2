import { describe, expect, it } from 'vitest'
import type { Submission } from '@/api/reviews'
import { reasonOf, statusTagType, toReviewRows } from './reviewRows'

const submission = (over: Partial<Submission>): Submission => ({
  powerCode: 'XK-LAND-001',
  version: 2,
  processKey: 'land_use_approval',
  name: '建设用地审批',
  department: 'land-bureau',
  warnings: 0,
  status: 'IN_REVIEW',
  submittedBy: 'designer',
  submittedAt: '2026-12-03T09:00:00Z',
  reviewedBy: null,
  reviewedAt: null,
  note: null,
  ...over,
})

const names = {
  departments: [{ id: 'land-bureau', name: '县自然资源局' }],
  people: [{ username: 'designer', displayName: '流程设计员 李明' }],
  live: new Map([['XK-LAND-001', 1]]),
}

describe('toReviewRows', () => {
  it('shows names, not ids, and links the live version to compare with', () => {
    const row = toReviewRows([submission({})], names, 'reviewer')[0]!
    expect(row.departmentName).toBe('县自然资源局')
    expect(row.authorName).toBe('流程设计员 李明')
    expect(row.powerName).toBe('建设用地审批')
    expect(row.liveVersion).toBe(1)
    expect(row.decidable).toBe(true)
  })

  it('keeps an unknown id rather than hiding it, and has nothing to compare for a new power', () => {
    const row = toReviewRows(
      [submission({ powerCode: 'NEW-001', name: null, department: 'archives-bureau', submittedBy: 'li' })],
      names,
      'reviewer',
    )[0]!
    expect(row.departmentName).toBe('archives-bureau')
    expect(row.authorName).toBe('li')
    expect(row.powerName).toBe('NEW-001')
    expect(row.liveVersion).toBeNull()
  })

  it('never lets the author decide on their own version, nor anyone on a decided one', () => {
    expect(toReviewRows([submission({})], names, 'designer')[0]!).toMatchObject({ decidable: false, ownVersion: true })
    expect(toReviewRows([submission({ status: 'REJECTED' })], names, 'reviewer')[0]!.decidable).toBe(false)
    expect(toReviewRows([submission({ status: 'SUPERSEDED' })], names, 'reviewer')[0]!.decidable).toBe(false)
  })

  it('does not offer to compare with a live version that is newer than the submission', () => {
    const live = new Map([['XK-LAND-001', 3]])
    expect(toReviewRows([submission({})], { ...names, live }, 'reviewer')[0]!.liveVersion).toBeNull()
  })
})

describe('statusTagType and reasonOf', () => {
  it('colours each status', () => {
    expect(statusTagType('IN_REVIEW')).toBe('warning')
    expect(statusTagType('APPROVED')).toBe('success')
    expect(statusTagType('REJECTED')).toBe('danger')
    expect(statusTagType('SUPERSEDED')).toBe('info')
  })

  it('refuses a blank reason', () => {
    expect(reasonOf('  ')).toBeNull()
    expect(reasonOf(undefined)).toBeNull()
    expect(reasonOf(' 缺少法律依据 ')).toBe('缺少法律依据')
  })
})
