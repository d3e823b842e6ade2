import { http } from '../http'

export interface Deputy {
  username: string
  departments: string[]
}

export interface OrgUnit {
  id: string
  name: string
  parentId: string | null
  principalLeader: string | null
  deputies: Deputy[]
}

export interface OrgDepartment {
  id: string
  unitId: string
  name: string
  headUser: string | null
}

export interface OrgPost {
  id: string
  departmentId: string
  name: string
}

export interface OrgPerson {
  username: string
  displayName: string
  roles: string[]
  posts: string[]
  supervises: string[]
  /** Departments whose powers the person draws as a designer; '*' for all. */
  draws: string[]
  enabled: boolean
  lockedUntil: string | null
}

export interface OrgChart {
  units: OrgUnit[]
  departments: OrgDepartment[]
  posts: OrgPost[]
  people: OrgPerson[]
}

export const roles = ['ADMIN', 'DESIGNER', 'REVIEWER', 'HANDLER', 'SUPERVISOR', 'LEADER'] as const

export function getOrgChart(): Promise<OrgChart> {
  return http.get<OrgChart>('/api/org')
}

export function createUnit(body: { id: string; name: string; parentId?: string | null }): Promise<OrgChart> {
  return http.post<OrgChart>('/api/org/units', { body })
}

export function createDepartment(body: { id: string; unitId: string; name: string; headUser?: string | null }) {
  return http.post<OrgChart>('/api/org/departments', { body })
}

export function createPost(body: { id: string; departmentId: string; name: string }) {
  return http.post<OrgChart>('/api/org/posts', { body })
}

export function createPerson(body: {
  username: string
  displayName: string
  password: string
  roles: string[]
  posts: string[]
}) {
  return http.post<OrgChart>('/api/org/people', { body })
}

export function updatePerson(
  username: string,
  body: { displayName?: string; password?: string; roles?: string[]; posts?: string[]; enabled?: boolean },
) {
  return http.put<OrgChart>(`/api/org/people/${encodeURIComponent(username)}`, { body })
}

export function unlockPerson(username: string) {
  return http.post<OrgChart>(`/api/org/people/${encodeURIComponent(username)}/unlock`)
}

export function setLeaders(unitId: string, body: { principal: string | null; deputies: Deputy[] }) {
  return http.put<OrgChart>(`/api/org/units/${encodeURIComponent(unitId)}/leaders`, { body })
}

export function setSupervision(username: string, departments: string[]) {
  return http.put<OrgChart>(`/api/org/supervisors/${encodeURIComponent(username)}`, { body: { departments } })
}

export function setDrawing(username: string, departments: string[]) {
  return http.put<OrgChart>(`/api/org/designers/${encodeURIComponent(username)}`, { body: { departments } })
}

/** A node of the organisation tree: units contain units and departments, departments posts. */
export interface OrgNode {
  key: string
  kind: 'unit' | 'department' | 'post'
  id: string
  label: string
  children: OrgNode[]
}

/** The chart as a tree, roots first; a unit whose parent is unknown is shown as a root. */
export function orgTree(chart: OrgChart): OrgNode[] {
  const unitIds = new Set(chart.units.map((u) => u.id))
  const unitNode = (unitId: string): OrgNode => {
    const unit = chart.units.find((u) => u.id === unitId)!
    return {
      key: `unit:${unit.id}`,
      kind: 'unit',
      id: unit.id,
      label: unit.name,
      children: [
        ...chart.units.filter((u) => u.parentId === unit.id).map((u) => unitNode(u.id)),
        ...chart.departments
          .filter((d) => d.unitId === unit.id)
          .map((d) => ({
            key: `department:${d.id}`,
            kind: 'department' as const,
            id: d.id,
            label: d.name,
            children: chart.posts
              .filter((p) => p.departmentId === d.id)
              .map((p) => ({ key: `post:${p.id}`, kind: 'post' as const, id: p.id, label: p.name, children: [] })),
          })),
      ],
    }
  }
  return chart.units.filter((u) => !u.parentId || !unitIds.has(u.parentId)).map((u) => unitNode(u.id))
}
