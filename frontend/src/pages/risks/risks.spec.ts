import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import zhCN from '@/i18n/zh-CN'
import en from '@/i18n/en'
import { exportUrl, fileName, heat, query } from '@/api/risks'
import RiskLevelTag from '@/components/RiskLevelTag.vue'

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en } })

describe('the register query', () => {
  it('sends the view and only the filters that are set', () => {
    expect(query('POST', { status: 'ACTIVE', department: '', level: 2, q: '  受理 ' })).toEqual({
      view: 'POST',
      status: 'ACTIVE',
      level: '2',
      q: '受理',
    })
    expect(exportUrl('pdf', 'UNIT', { power: 'LAND-001' })).toBe('/api/risks/register.pdf?view=UNIT&power=LAND-001')
  })

  it('reads the file name the server gives, UTF-8 first', () => {
    expect(fileName(`attachment; filename="=?UTF-8?Q?x?="; filename*=UTF-8''sunlight-risk-register-post-2026-12-03.pdf`)).toBe(
      'sunlight-risk-register-post-2026-12-03.pdf',
    )
    expect(fileName('attachment; filename="a.xlsx"')).toBe('a.xlsx')
    expect(fileName(null)).toBeUndefined()
  })
})

describe('levels in the register', () => {
  it.each([
    [1, '高', '#e53935'],
    [2, '中', '#fb8c00'],
    [3, '低', '#fdd835'],
  ])('shows level %i as %s in the colour of the models', (level, text, colour) => {
    const tag = mount(RiskLevelTag, {
      props: { level },
      slots: { default: () => i18n.global.t(`risks.grade.${level}`) },
      global: { plugins: [i18n] },
    })
    expect(tag.text()).toBe(text)
    expect(tag.get(`[data-risk-level="${level}"]`).attributes('style')).toContain(colour)
  })
})

describe('the risk map', () => {
  const point = (id: number, department: string, level: number) =>
    ({ id, department, departmentName: `${department}名`, level }) as unknown as import('@/api/risks').RiskPoint

  it('counts each point once by department and level, the most serious departments first', () => {
    const map = heat([point(1, 'a', 3), point(2, 'b', 1), point(2, 'b', 1), point(3, 'a', 3), point(4, 'b', 2)])
    expect(map.rows.map((r) => r.department)).toEqual(['b', 'a'])
    expect(map.rows[0]).toMatchObject({ counts: { 1: 1, 2: 1, 3: 0 }, total: 2, departmentName: 'b名' })
    expect(map.rows[1]).toMatchObject({ counts: { 1: 0, 2: 0, 3: 2 }, total: 2 })
    expect(map.max).toBe(2)
    expect(heat([])).toEqual({ rows: [], max: 0 })
  })
})
