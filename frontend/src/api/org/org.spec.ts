import { describe, expect, it } from 'vitest'
import { orgTree, type OrgChart } from './index'

const chart: OrgChart = {
  units: [
    { id: 'county', name: '县政府', parentId: null, principalLeader: 'leader', deputies: [] },
    { id: 'town', name: '镇政府', parentId: 'county', principalLeader: null, deputies: [] },
    { id: 'orphan', name: '孤立单位', parentId: 'gone', principalLeader: null, deputies: [] },
  ],
  departments: [
    { id: 'land', unitId: 'county', name: '自然资源局', headUser: 'head' },
    { id: 'civil', unitId: 'town', name: '民政办', headUser: null },
  ],
  posts: [
    { id: 'land-reviewer', departmentId: 'land', name: '审查岗' },
    { id: 'civil-clerk', departmentId: 'civil', name: '民政专干' },
  ],
  people: [],
}

describe('orgTree', () => {
  it('nests units, then their departments, then the departments’ posts', () => {
    const county = orgTree(chart)[0]!
    expect(county.key).toBe('unit:county')
    expect(county.children.map((c) => c.key)).toEqual(['unit:town', 'department:land'])
    expect(county.children[1]!.children.map((c) => c.key)).toEqual(['post:land-reviewer'])
    expect(county.children[0]!.children[0]!.children[0]!.id).toBe('civil-clerk')
  })

  it('shows a unit whose parent is unknown as a root rather than losing it', () => {
    expect(orgTree(chart).map((u) => u.id)).toEqual(['county', 'orphan'])
  })

  it('gives an empty chart an empty tree', () => {
    expect(orgTree({ units: [], departments: [], posts: [], people: [] })).toEqual([])
  })
})
