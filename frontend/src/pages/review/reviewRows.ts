import type { ReviewStatus, Submission } from '@/api/reviews'

/** A submission as the review queue shows it: names instead of ids, and what the viewer may do. */
export interface ReviewRow extends Submission {
  powerName: string
  departmentName: string
  authorName: string
  /** The live version to compare with, when the power has one older than this submission. */
  liveVersion: number | null
  /** Whether the viewer may approve or send it back: in review, and not drawn by the viewer. */
  decidable: boolean
  ownVersion: boolean
}

export interface Names {
  departments: ReadonlyArray<{ id: string; name: string }>
  people: ReadonlyArray<{ username: string; displayName: string }>
  /** Live version of each power code. */
  live: ReadonlyMap<string, number>
}

export function toReviewRows(submissions: readonly Submission[], names: Names, viewer: string): ReviewRow[] {
  const departments = new Map(names.departments.map((d) => [d.id, d.name]))
  const people = new Map(names.people.map((p) => [p.username, p.displayName]))
  return submissions.map((s) => {
    const live = names.live.get(s.powerCode)
    const ownVersion = s.submittedBy === viewer
    return {
      ...s,
      powerName: s.name ?? s.powerCode,
      departmentName: (s.department && departments.get(s.department)) ?? s.department ?? '—',
      authorName: people.get(s.submittedBy) ?? s.submittedBy,
      liveVersion: live !== undefined && live < s.version ? live : null,
      decidable: s.status === 'IN_REVIEW' && !ownVersion,
      ownVersion,
    }
  })
}

/** Element Plus tag type of a status. */
export function statusTagType(status: ReviewStatus): 'warning' | 'success' | 'danger' | 'info' {
  switch (status) {
    case 'IN_REVIEW':
      return 'warning'
    case 'APPROVED':
      return 'success'
    case 'REJECTED':
      return 'danger'
    default:
      return 'info'
  }
}

/** A reason to send back, trimmed; null when there is none (the server would answer 400). */
export function reasonOf(text: string | null | undefined): string | null {
  const trimmed = (text ?? '').trim()
  return trimmed === '' ? null : trimmed
}
