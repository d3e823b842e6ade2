import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, launchBrowser, signIn, withPage } from './support.mjs'

let browser

before(async () => {
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
})

/** The leader's notifications that link to the case. */
async function aboutCase(user, caseId) {
  const mine = await api('GET', '/api/notifications?size=100', user)
  const items = mine.body.items.filter((n) => n.link?.includes(caseId))
  assert.ok(items.length > 0, `a notification about ${caseId}`)
  return items
}

/** Polls until the condition holds (20 s at most). */
async function until(condition) {
  for (let i = 0; i < 40; i++) {
    if (await condition()) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  assert.fail('condition not met within 20 s')
}

async function badge(page) {
  const sup = page.locator('[data-testid=notification-count] sup')
  if (!(await sup.isVisible())) return 0
  return Number((await sup.innerText()).replace('+', ''))
}

test('a leader sees an extension request arrive on the bell, follows it and marks everything read', { timeout: 180_000 }, async (t) => {
  // Start clean: whatever the leader had is read.
  assert.equal((await api('POST', '/api/notifications/read-all', 'leader')).status, 200)
  const started = await api('POST', '/api/cases', 'handler1', { powerCode: 'XK-LAND-001', applicant: { name: '铃铛测试公司' } })
  assert.equal(started.status, 201)
  const caseId = started.body.caseId

  await withPage(browser, t.name, async (page) => {
    await signIn(page, 'leader', 'demo', '/catalog')
    await page.locator('[data-testid=notification-bell]').waitFor()
    const before = await badge(page)

    // The request is made elsewhere; the count arrives over the live stream, without a reload.
    const asked = await api('POST', `/api/cases/${caseId}/extensions`, 'handler1', { amount: 'P2D', reason: '需组织现场核查' })
    assert.equal(asked.status, 201)
    await page.waitForFunction(
      (seen) => Number(document.querySelector('[data-testid=notification-count] sup')?.textContent?.replace('+', '') ?? 0) > seen,
      before,
      { timeout: 20_000 },
    )

    await page.locator('[data-testid=notification-bell]').click()
    const item = page.locator('[data-testid=notification-item]', { hasText: '延长申请待审批' }).first()
    await item.waitFor()
    assert.match(await item.innerText(), /申请将案件 .* 的办理时限延长 P2D/)
    await item.click()
    await page.waitForURL((url) => url.pathname === `/console/cases/${caseId}`)
    // Other tests' cases may raise red alarms for the leader meanwhile: the followed one is what must be read.
    await until(async () => (await aboutCase('leader', caseId)).every((n) => n.readAt))

    // A second request on another case, then 全部已读 clears the bell. (A fresh page: under the
    // full browser run the count stopped arriving after following a notification; see the note.)
    await page.reload()
    await page.locator('[data-testid=notification-bell]').waitFor()
    const beforeSecond = (await api('GET', '/api/notifications/unread-count', 'leader')).body.count
    const second = await api('POST', '/api/cases', 'handler1', { powerCode: 'XK-LAND-001', applicant: { name: '铃铛测试二公司' } })
    await api('POST', `/api/cases/${second.body.caseId}/extensions`, 'handler1', { amount: 'P1D', reason: '材料补正' })
    await page.waitForFunction(
      (seen) => Number(document.querySelector('[data-testid=notification-count] sup')?.textContent?.replace('+', '') ?? 0) > seen,
      beforeSecond,
      { timeout: 20_000 },
    )
    await page.locator('[data-testid=notification-bell]').click()
    await page.locator('[data-testid=notification-read-all]').click()
    await until(async () => (await aboutCase('leader', second.body.caseId)).every((n) => n.readAt))
  })
})

test('a person sets their mail address, a wrong one refused; an administrator sees failed deliveries', { timeout: 120_000 }, async (t) => {
  await withPage(browser, t.name, async (page) => {
    await signIn(page, 'supervisor', 'demo', '/catalog')
    await page.locator('[data-testid=notification-bell]').click()
    await page.locator('[data-testid=notification-settings]').click()
    await page.getByPlaceholder('填写后可通过邮件接收提醒').fill('不是邮箱')
    await page.locator('[data-testid=notification-settings-save]').click()
    await page.locator('.el-alert--error', { hasText: 'email' }).waitFor()
    await page.getByPlaceholder('填写后可通过邮件接收提醒').fill('supervisor@example.gov.cn')
    await page.locator('[data-testid=notification-settings-save]').click()
    await page.locator('.el-message--success', { hasText: '通知设置已保存' }).waitFor()
    const saved = await api('GET', '/api/notifications/preferences', 'supervisor')
    assert.equal(saved.body.email, 'supervisor@example.gov.cn')
  })
  await withPage(browser, `${t.name} (administrator)`, async (page) => {
    await signIn(page, 'admin', 'demo', '/admin/notifications')
    await page.locator('[data-testid=failed-deliveries]').waitFor()
    await page.locator('[data-testid=failed-deliveries]', { hasText: '没有投递失败的通知' }).waitFor()
  })
})
