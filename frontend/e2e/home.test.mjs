// The home page (/home, where / leads) and the inboxes, in a real browser against a real server, read
// as each person would: the leader decides an extension from the inbox, the handler sees the red
// task and the done list, the administrator the installation's health. The red task needs the
// engine clock moved through the browser IT's test-only /test-support endpoint; against a server
// without it (java -jar) that part skips and says why.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, claimedCase, launchBrowser, resetClock, setClock, signIn, withPage } from './support.mjs'

let browser
let clockAvailable = false

const section = (page, role) => page.locator(`[data-testid=home-section-${role}]`)
const card = (page, role, key) => section(page, role).locator(`[data-testid=home-card-${key}]`)
const count = async (page, role, key) =>
  (await card(page, role, key).locator('[data-testid=home-count]').innerText()).trim()

before(async () => {
  browser = await launchBrowser()
  clockAvailable = await setClock(new Date().toISOString()).catch(() => false)
  await resetClock()
})

after(async () => {
  await resetClock()
  await browser?.close()
})

test('the leader lands on the home page, opens the pending extension and approves it there', { timeout: 180_000 }, async (t) => {
  const claimed = await claimedCase('首页延期测试有限公司')
  const asked = await api('POST', `/api/cases/${claimed.caseId}/extensions`, 'handler1', { amount: 'P5D', reason: '需组织现场踏勘' })
  assert.equal(asked.status, 201, JSON.stringify(asked.body))

  await withPage(browser, t.name, async (page) => {
    await signIn(page, 'leader', 'demo', '/')
    await page.waitForURL((url) => url.pathname === '/home')
    assert.equal(await section(page, 'HANDLER').count(), 0, 'a leader has no handler section')
    await section(page, 'LEADER').waitFor()
    assert.ok(Number(await count(page, 'LEADER', 'pendingExtensions')) >= 1)
    assert.equal(await card(page, 'LEADER', 'pendingExtensions').getAttribute('data-tone'), 'yellow')
    const teaser = page.locator('[data-testid=home-extensions] a', { hasText: claimed.caseNumber })
    assert.match(await teaser.innerText(), /5 个工作日/)
    assert.match(await teaser.innerText(), /经办人 张伟/)

    await card(page, 'LEADER', 'pendingExtensions').click()
    await page.waitForURL((url) => url.pathname === '/inbox/extensions')
    const row = page.locator('[data-testid=extension-table] tr', { hasText: claimed.caseNumber })
    await row.waitFor()
    // Names and words, not usernames and ISO durations.
    assert.equal((await row.locator('[data-testid=extension-requester]').innerText()).trim(), '经办人 张伟')
    assert.equal((await row.locator('[data-testid=extension-amount]').innerText()).trim(), '5 个工作日')
    assert.match(await row.innerText(), /需组织现场踏勘/)
    assert.match(await row.locator('[data-testid=extension-deadline]').innerText(), /→/)

    await row.locator('[data-testid=extension-approve]').click()
    await page.locator('.el-message-box textarea').fill('同意延长')
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await page.locator('.el-message--success').waitFor()
    await row.waitFor({ state: 'detached' })

    await page.locator('.el-tabs__item', { hasText: '我已审批' }).click()
    const decided = page.locator('[data-testid=extension-table] tr', { hasText: claimed.caseNumber })
    assert.equal((await decided.locator('[data-testid=extension-status]').innerText()).trim(), '已批准')
  })
  const view = await api('GET', `/api/cases/${claimed.caseId}`, 'leader')
  assert.equal(view.body.extension.status, 'APPROVED')
  assert.equal(view.body.extension.decidedBy, 'leader')
})

test('the handler lands on the home page, sees the red task first and finds the done list', { timeout: 180_000 }, async (t) => {
  if (!clockAvailable) return t.skip('the server has no test clock (run through CatalogBrowserIT)')
  try {
    assert.ok(await setClock('2026-11-23T10:00:00+08:00'))
    const claimed = await claimedCase('首页红灯测试有限公司')
    assert.ok(await setClock(new Date(new Date(claimed.deadline).getTime() + 60_000).toISOString()))
    const done = await claimedCase('首页已办测试有限公司')
    const completed = await api('POST', `/api/tasks/${done.taskId}/complete`, 'handler1', {
      variables: { accepted: true, acceptOpinion: '材料齐全' },
    })
    assert.equal(completed.status, 204, JSON.stringify(completed.body))

    await withPage(browser, t.name, async (page) => {
      await signIn(page, 'handler1', 'demo', '/')
      await page.waitForURL((url) => url.pathname === '/home')
      await section(page, 'HANDLER').waitFor()
      assert.ok(Number(await count(page, 'HANDLER', 'red')) >= 1)
      assert.equal(await card(page, 'HANDLER', 'red').getAttribute('data-tone'), 'red')
      const urgent = page.locator('[data-testid=home-urgent] a', { hasText: claimed.caseNumber })
      assert.equal(await urgent.locator('[data-testid=lamp]').getAttribute('data-lamp'), 'RED')
      assert.equal(await page.locator('[data-testid=home-all-well]').count(), 0, 'a red task is not "all is well"')

      await card(page, 'HANDLER', 'done').click()
      await page.waitForURL((url) => url.pathname === '/inbox/done')
      const row = page.locator('[data-testid=done-table] tr', { hasText: done.caseNumber })
      await row.waitFor()
      assert.equal((await row.locator('[data-testid=done-timeliness]').innerText()).trim(), '按期')

      await page.goto('/home')
      await page.locator('[data-testid=home-urgent] a', { hasText: claimed.caseNumber }).click()
      await page.waitForURL((url) => url.pathname === `/tasks/${claimed.taskId}`)
    })
  } finally {
    await resetClock()
  }
})

test('the administrator lands on the installation health and verifies the audit chain from there', { timeout: 120_000 }, async (t) => {
  await withPage(browser, t.name, async (page) => {
    await signIn(page, 'admin', 'demo', '/')
    await page.waitForURL((url) => url.pathname === '/home')
    await section(page, 'ADMIN').waitFor()
    assert.equal(await section(page, 'HANDLER').count(), 0)
    assert.equal(await section(page, 'LEADER').count(), 0)
    for (const key of ['calendar', 'jobs', 'audit', 'deliveries']) {
      assert.equal(await card(page, 'ADMIN', key).count(), 1, key)
    }
    // The notification module fills the deliveries slot; nothing is sent out in this run, so nothing failed.
    assert.equal(await card(page, 'ADMIN', 'deliveries').getAttribute('data-tone'), 'green')
    assert.match(await page.locator('[data-testid=home-admin-deliveries]').innerText(), /没有失败的投递/)
    assert.match(await page.locator('[data-testid=home-admin-calendar]').innerText(), /\d{4} 年/)

    await page.locator('[data-testid=home-verify-audit]').click()
    assert.match(await page.locator('[data-testid=home-verify-result]').innerText(), /审计链完整/)

    await card(page, 'ADMIN', 'audit').click()
    await page.waitForURL((url) => url.pathname === '/admin/audit')
  })
})
