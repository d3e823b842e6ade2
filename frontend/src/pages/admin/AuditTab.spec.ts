import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import zhCN from '@/i18n/zh-CN'
import en from '@/i18n/en'
import type { AuditVerification } from '@/api/audit'
import AuditTab from './AuditTab.vue'

const verification = vi.fn<() => Promise<AuditVerification>>()

vi.mock('@/api/audit', async (original) => ({
  ...(await original<typeof import('@/api/audit')>()),
  listAudit: () => Promise.resolve({ items: [], total: 0 }),
  verifyAudit: () => verification(),
}))

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en } })

async function verified(answer: AuditVerification) {
  verification.mockResolvedValue(answer)
  const tab = mount(AuditTab, { global: { plugins: [i18n] } })
  await flushPromises()
  await tab.find('[data-testid=verify-audit]').trigger('click')
  await flushPromises()
  return tab
}

describe('the audit tab', () => {
  it('names what broke the chain and the checkpoint it was compared with', async () => {
    const tab = await verified({
      valid: false,
      checked: 7,
      unsealed: 0,
      firstBroken: { id: null, chainPos: 8, kind: 'MISSING_TAIL', reason: 'records 8 to 10 are missing' },
      keyedFrom: 1,
      checkpoint: { chainPos: 10, hash: 'a'.repeat(64), keyedFrom: 1, at: '2026-12-03T16:00:00+08:00', keyId: 'k' },
    })
    expect(tab.find('[data-testid=audit-broken]').text()).toContain('第 8 条记录')
    expect(tab.find('[data-testid=audit-broken-kind]').text()).toBe(zhCN.admin.audit.kind.MISSING_TAIL)
    expect(tab.find('[data-testid=audit-checkpoint]').text()).toContain('第 10 条')
  })

  it('says when there is no checkpoint yet and names no break on an intact chain', async () => {
    const tab = await verified({ valid: true, checked: 3, unsealed: 0, firstBroken: null, keyedFrom: 1, checkpoint: null })
    expect(tab.find('[data-testid=audit-valid]').exists()).toBe(true)
    expect(tab.find('[data-testid=audit-broken-kind]').exists()).toBe(false)
    expect(tab.find('[data-testid=audit-checkpoint]').text()).toBe(zhCN.admin.audit.noCheckpoint)
  })
})
