import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import zhCN from '@/i18n/zh-CN'
import en from '@/i18n/en'
import RiskLevelTag from './RiskLevelTag.vue'
import PrincipalTag from './PrincipalTag.vue'

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en } })
const global = { plugins: [i18n] }

describe('RiskLevelTag', () => {
  it.each([
    [1, '一级', '#e53935'],
    [2, '二级', '#fb8c00'],
    [3, '三级', '#fdd835'],
  ])('shows level %i as %s in its colour', (level, text, colour) => {
    const tag = mount(RiskLevelTag, { props: { level }, global })
    expect(tag.text()).toBe(text)
    expect(tag.get(`[data-risk-level="${level}"]`).attributes('style')).toContain(colour)
  })

  it('shows a dash without a level', () => {
    expect(mount(RiskLevelTag, { props: { level: null }, global }).text()).toBe('—')
  })
})

describe('PrincipalTag', () => {
  it('drops the user: and group: prefixes and says which it is', () => {
    const user = mount(PrincipalTag, { props: { value: 'user:supervisor' }, global })
    expect(user.text()).toBe('supervisor')
    expect(user.get('[data-kind]').attributes('data-kind')).toBe('user')

    const post = mount(PrincipalTag, { props: { value: 'group:discipline-office' }, global })
    expect(post.text()).toBe('discipline-office')
    expect(post.get('[data-kind]').attributes('title')).toBe('岗位: discipline-office')
  })

  it('takes the kind of a bare id from its prop', () => {
    const post = mount(PrincipalTag, { props: { value: 'land-reviewer', kind: 'group' }, global })
    expect(post.get('[data-kind]').attributes('data-kind')).toBe('group')
  })
})
