// The handler workspace (/tasks) in a real browser against a real server. The tests that need
// time to pass move the engine clock through the browser IT's test-only /test-support endpoint;
// against a server without it (java -jar) they skip and say why.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, claimedCase, launchBrowser, resetClock, runDueTimers, setClock, signIn, withPage } from './support.mjs'

let browser
let clockAvailable = false

function row(page, caseNumber) {
  return page.locator('[data-testid=task-table] tr.task-row', { hasText: caseNumber })
}

async function choose(page, selectTestId, optionText) {
  await page.locator(`[data-testid=${selectTestId}] .el-select__wrapper`).click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: optionText }).first().click()
}

async function confirmBox(page) {
  await page.locator('.el-message-box__btns .el-button--primary').click()
}

before(async () => {
  browser = await launchBrowser()
  clockAvailable = await setClock(new Date().toISOString()).catch(() => false)
  await resetClock()
})

after(async () => {
  await resetClock()
  await browser?.close()
})

test('handler1 starts a case, claims its first step and completes it with its form', { timeout: 120_000 }, async (t) => {
  await withPage(browser, t.name, async (page) => {
    await signIn(page, 'handler1', 'demo', '/tasks/new')
    await choose(page, 'start-power', 'XK-LAND-001')
    await page.locator('[data-testid=start-power-info]').waitFor()
    await page.locator('[data-testid=start-applicant] input').fill('浏览器测试置业有限公司')
    await page.locator('[data-testid=start-phone] input').fill('0571-88888888')
    await page
      .locator('[data-testid=start-attachments] input[type=file]')
      .setInputFiles({ name: '用地申请表.txt', mimeType: 'text/plain', buffer: Buffer.from('建设用地申请表\n') })
    await page.locator('[data-testid=start-submit]').click()
    const number = (await page.locator('[data-testid=started-case-number]').innerText()).trim()
    assert.match(number, /^XK-LAND-001-\d{4}-\d{6}$/)
    assert.match((await page.locator('[data-testid=started-query-code]').innerText()).trim(), /^[A-HJ-NP-Z2-9]{8}$/)

    await page.locator('[data-testid=open-first-step]').click()
    await page.waitForURL((url) => /^\/tasks\/(?!new$|orders$)[^/]+$/.test(url.pathname))
    const taskId = new URL(page.url()).pathname.split('/').pop()
    await page.locator('[data-testid=case-number]', { hasText: number }).waitFor()
    await page.locator('[data-testid=timeline-step]', { hasText: '受理' }).waitFor()
    await page.locator('[data-testid=flowchart] .djs-element.sl-lamp-green').waitFor()
    await page.locator('[data-testid=claim]').click()
    await page.locator('[data-testid=complete]').waitFor()

    // Missing values: the form names them and nothing is completed.
    await page.locator('[data-testid=complete]').click()
    await page.locator('[data-testid=field-accepted] .el-form-item__error').waitFor()
    await page.locator('[data-testid=field-acceptOpinion] .el-form-item__error').waitFor()
    assert.equal((await api('GET', `/api/tasks/${taskId}`, 'handler1')).status, 200, 'the step is still open')

    // Materials kept with the case: a PDF is taken, a file whose content is not what it says is refused.
    await page.locator('[data-testid=case-records] .el-tabs__item', { hasText: '附件' }).click()
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n')
    await page.locator('[data-testid=attachment-upload] input[type=file]').setInputFiles({ name: '申请书.pdf', mimeType: 'application/pdf', buffer: pdf })
    await page.locator('[data-testid=attachment]', { hasText: '申请书.pdf' }).waitFor()
    await page.locator('[data-testid=case-records] .el-tabs__item', { hasText: '意见' }).click()
    await page.locator('textarea[data-testid=comment-input], [data-testid=comment-input] textarea').fill('已电话联系申请人核对材料')
    await page.locator('[data-testid=comment-send]').click()
    await page.locator('[data-testid=comment]', { hasText: '已电话联系申请人核对材料' }).waitFor()

    await page.locator('[data-testid=field-accepted] .el-radio', { hasText: '是' }).click()
    await page.locator('[data-testid=field-acceptOpinion] textarea').fill('材料齐全，符合法定形式，予以受理')
    await page.locator('textarea[data-testid=complete-comment], [data-testid=complete-comment] textarea').fill('当场受理')
    await page.locator('[data-testid=complete]').click()
    await confirmBox(page)
    await page.waitForURL((url) => url.pathname === '/tasks')

    const caseId = (await api('GET', '/api/tasks?scope=all', 'handler1')).body.find((x) => x.caseNumber === number)?.caseId
    assert.ok(caseId, 'the case has its next step')
    const view = (await api('GET', `/api/cases/${caseId}`, 'handler1')).body
    assert.equal(view.steps[0].lamp, 'DONE')
    assert.equal(view.steps[1].activityId, 'Task_PreliminaryReview')
    const comments = (await api('GET', `/api/cases/${caseId}/comments`, 'handler1')).body
    assert.ok(comments.some((c) => c.message === '当场受理'))
    assert.ok(comments.some((c) => c.message === '已电话联系申请人核对材料'))
    const files = (await api('GET', `/api/cases/${caseId}/attachments`, 'handler1')).body
    assert.deepEqual(files.map((f) => f.name).sort(), ['用地申请表.txt', '申请书.pdf'].sort())
  })
})

test("handler2 does not see handler1's claimed task, and a claim lost meanwhile says who has it", { timeout: 120_000 }, async (t) => {
  const claimed = await claimedCase('甲公司')
  const open = await api('POST', '/api/cases', 'handler1', { powerCode: 'XK-LAND-001', applicant: { name: '乙公司' } })
  await withPage(browser, t.name, async (page) => {
    await signIn(page, 'handler2', 'demo', '/tasks')
    await row(page, open.body.caseNumber).waitFor()
    assert.equal(await row(page, claimed.caseNumber).count(), 0, "handler1's claimed task is not listed")
    await page.locator('input[data-testid=task-search], [data-testid=task-search] input').fill(claimed.caseNumber)
    await page.locator('[data-testid=tasks-empty]').waitFor()
    await page.locator('input[data-testid=task-search], [data-testid=task-search] input').fill('')

    // handler2 opens the other case's step; handler1 claims it meanwhile: the page says who has it.
    await row(page, open.body.caseNumber).locator('[data-testid=open]').click()
    await page.locator('.title [data-testid=claim]').waitFor()
    await page.evaluate(() => (window.__notReloaded = true))
    const other = (await api('GET', '/api/tasks?scope=candidate', 'handler1')).body.find((x) => x.caseId === open.body.caseId)
    assert.equal((await api('POST', `/api/tasks/${other.taskId}/claim`, 'handler1')).status, 204)
    await page.locator('[data-testid=task-error]', { hasText: '该任务已由 handler1 签收办理' }).waitFor()
    assert.equal(await page.evaluate(() => window.__notReloaded), true, 'the page was not reloaded')
    await page.locator('[data-testid=task-error] .el-button').click()
    await page.locator('[data-testid=task-table]').waitFor()
    await row(page, open.body.caseNumber).waitFor({ state: 'detached' })

    await page.goto(`/tasks/${claimed.taskId}`)
    await page.locator('[data-testid=task-error]', { hasText: 'handler1' }).waitFor()
  })
})

test('a pause stops the countdown, is refused without a reason, and resume shows the shifted deadline', { timeout: 120_000 }, async (t) => {
  if (!clockAvailable) return t.skip('the server has no test clock (run through CatalogBrowserIT)')
  try {
    assert.ok(await setClock('2026-11-23T10:00:00+08:00'))
    const claimed = await claimedCase('丙公司')
    const refused = await api('POST', `/api/cases/${claimed.caseId}/clock/suspend`, 'handler1', { category: 'SUPPLEMENT', reason: ' ' })
    assert.equal(refused.status, 400, 'a pause without a reason is refused by the server')

    await withPage(browser, t.name, async (page) => {
      await signIn(page, 'handler1', 'demo', `/tasks/${claimed.taskId}`)
      const remaining = page.locator('.title [data-testid=remaining]')
      await remaining.waitFor()
      const first = await remaining.innerText()
      await page.waitForTimeout(2200)
      assert.notEqual(await remaining.innerText(), first, 'the countdown runs in working hours')

      await page.locator('[data-testid=pause-clock]').click()
      await page.locator('[data-testid=pause-submit]').click()
      await page.locator('[data-testid=pause-reason] .el-form-item__error').waitFor()
      await page.locator('[data-testid=pause-category] .el-form-item__error').waitFor()
      await choose(page, 'pause-category', '补正材料')
      await page.locator('[data-testid=pause-reason] textarea').fill('申请材料缺少规划许可证复印件，已一次性告知申请人补正')
      await page.locator('[data-testid=pause-submit]').click()
      await page.locator('[data-testid=clock-panel][data-paused=true]').waitFor()
      await page.locator('.title [data-testid=remaining]', { hasText: '计时已暂停' }).waitFor()
      const before = await page.locator('[data-testid=case-deadline]').innerText()
      const pausedText = await remaining.innerText()
      await page.waitForTimeout(1500)
      assert.equal(await remaining.innerText(), pausedText, 'the countdown stands still while paused')

      assert.ok(await setClock('2026-11-23T11:00:00+08:00'))
      await page.locator('[data-testid=resume-clock]').click()
      await page.locator('[data-testid=new-deadline]').waitFor()
      await page.locator('[data-testid=clock-panel][data-paused=false]').waitFor()
      const after = await page.locator('[data-testid=case-deadline]').innerText()
      assert.notEqual(after, before, 'resume shifts the deadline')

      // An extension: the dialog says what the deadline would become; the request waits for the leader.
      await page.locator('[data-testid=request-extension]').click()
      await page.locator('[data-testid=extension-preview]').waitFor()
      await page.locator('textarea[data-testid=extension-reason], [data-testid=extension-reason] textarea').fill('需组织专家论证')
      await page.locator('[data-testid=extension-submit]').click()
      await page.locator('[data-testid=extension-status]', { hasText: '待审批' }).waitFor()
    })
    const view = (await api('GET', `/api/cases/${claimed.caseId}`, 'handler1')).body
    assert.equal(view.clock.pauses[0].category, 'SUPPLEMENT')
    assert.ok(new Date(view.deadline) > new Date(claimed.deadline) || view.deadline !== claimed.deadline)
  } finally {
    await resetClock()
  }
})

test('a task that turns red changes its lamp without a reload, and the red badge counts it', { timeout: 120_000 }, async (t) => {
  if (!clockAvailable) return t.skip('the server has no test clock (run through CatalogBrowserIT)')
  try {
    assert.ok(await setClock('2026-11-23T10:00:00+08:00'))
    const claimed = await claimedCase('丁公司')
    await withPage(browser, t.name, async (page) => {
      await signIn(page, 'handler1', 'demo', '/tasks')
      const lamp = row(page, claimed.caseNumber).locator('[data-testid=lamp]')
      await lamp.waitFor()
      assert.equal(await lamp.getAttribute('data-lamp'), 'GREEN')
      await page.locator('[data-testid=live]').waitFor()
      await page.evaluate(() => (window.__notReloaded = true))

      const overdue = new Date(new Date(claimed.deadline).getTime() + 60_000).toISOString()
      assert.ok(await setClock(overdue))
      await row(page, claimed.caseNumber).locator('[data-testid=lamp][data-lamp=RED]').waitFor({ timeout: 15_000 })
      assert.equal(await page.evaluate(() => window.__notReloaded), true, 'the page was not reloaded')
      await page.waitForFunction(() => Number(document.querySelector('[data-testid=red-badge]')?.getAttribute('data-red')) > 0)
      await page.locator('.lamp-notice-red', { hasText: claimed.caseNumber }).first().waitFor()
    })
  } finally {
    await resetClock()
  }
})

test('a supervision order reaches the handler and the reply reaches the supervisor', { timeout: 120_000 }, async (t) => {
  if (!clockAvailable) return t.skip('the server has no test clock (run through CatalogBrowserIT)')
  try {
    assert.ok(await setClock('2026-11-23T10:00:00+08:00'))
    const claimed = await claimedCase('戊公司')
    assert.ok(await setClock(new Date(new Date(claimed.deadline).getTime() + 60_000).toISOString()))
    await runDueTimers()
    const escalations = await api('GET', `/api/escalations?caseId=${claimed.caseId}&level=RED`, 'supervisor')
    assert.equal(escalations.status, 200)
    const escalation = escalations.body.items[0]
    assert.ok(escalation, 'the red alarm was raised')
    const instruction = `请立即办理并说明超时原因 ${claimed.caseNumber}`
    const order = await api('POST', `/api/escalations/${escalation.id}/orders`, 'supervisor', { instruction, replyWithin: 'PT4H' })
    assert.equal(order.status, 201, JSON.stringify(order.body))

    await withPage(browser, t.name, async (page) => {
      await signIn(page, 'handler1', 'demo', '/tasks/orders')
      const orderRow = page.locator('[data-testid=order-table] tr', { hasText: instruction })
      await orderRow.waitFor()
      await orderRow.locator('[data-testid=order-reply]').click()
      await page.locator('[data-testid=order-instruction]', { hasText: instruction }).waitFor()
      const claim = page.locator('.title [data-testid=claim]')
      if (await claim.count()) await claim.click()
      await page.locator('[data-testid=field-reply] textarea').fill('已于当日办结，超时系申请人补正材料所致')
      await page.locator('[data-testid=complete]').click()
      await confirmBox(page)
      await page.waitForURL((url) => url.pathname === '/tasks/orders')
    })

    const orders = (await api('GET', '/api/orders', 'supervisor')).body
    const answered = orders.find((o) => o.escalationId === escalation.id)
    assert.equal(answered.reply, '已于当日办结，超时系申请人补正材料所致')
    assert.equal(answered.repliedBy, 'handler1')
  } finally {
    await resetClock()
  }
})

test('the workspace speaks English too and shows its empty states', { timeout: 60_000 }, async (t) => {
  await withPage(
    browser,
    t.name,
    async (page) => {
      await signIn(page, 'handler2', 'demo', '/tasks/orders')
      await page.locator('[data-testid=order-table]').waitFor()
      await page.evaluate(() => localStorage.setItem('sunlight.locale', 'en'))
      await page.reload()
      await page.locator('.tasks-nav h1', { hasText: 'My tasks' }).waitFor()
      await page.locator('[data-testid=orders-empty]', { hasText: 'No supervision orders' }).waitFor()
    },
    { locale: 'en' },
  )
})
