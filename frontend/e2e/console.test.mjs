import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, launchBrowser, resetClock, runDueTimers, setClock, signIn, withPage } from './support.mjs'

let browser
let clockAvailable = false

before(async () => {
  browser = await launchBrowser()
  clockAvailable = await setClock(new Date().toISOString()).catch(() => false)
  await resetClock()
})

after(async () => {
  await browser?.close()
})

test('a supervisor reads the live board, the escalations, the statistics and the evaluation', { timeout: 180_000 }, async (t) => {
  await withPage(browser, t.name, async (page) => {
    await signIn(page, 'supervisor', 'demo', '/console')
    assert.equal(new URL(page.url()).pathname, '/console')
    for (const lamp of ['red', 'yellow', 'paused', 'green']) {
      await page.locator(`[data-testid=board-steps-${lamp}]`).waitFor()
    }
    const greens = Number(await page.locator('[data-testid=board-steps-green] .number').innerText())
    assert.ok(Number.isInteger(greens) && greens >= 0, `a count of green steps, saw ${greens}`)

    await page.locator('[data-testid=console-nav] a', { hasText: '预警告警' }).click()
    await page.waitForURL(/\/console\/escalations$/)
    await page.locator('[data-testid=escalation-table]').waitFor()

    await page.locator('[data-testid=console-nav] a', { hasText: '统计分析' }).click()
    await page.waitForURL(/\/console\/statistics$/)
    await page.locator('.el-empty, [data-testid=stats-table]').first().waitFor()
    const csv = page.locator('a[href*="/api/console/statistics.csv"]')
    assert.match(await csv.getAttribute('href'), /groupBy=DEPARTMENT&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/)

    await page.locator('[data-testid=console-nav] a', { hasText: '绩效评估' }).click()
    await page.locator('[data-testid=evaluation-table]').waitFor()

    await page.locator('[data-testid=console-nav] a', { hasText: '瓶颈热力图' }).click()
    await page.locator('[data-testid=heatmap-power]').click()
    await page.locator('.el-select-dropdown__item', { hasText: 'XK-LAND-001' }).click()
    await page.locator('[data-testid=heatmap-table]').waitFor()
    await page.locator('[data-testid=flowchart] .djs-shape').first().waitFor()
  })
})

test('a handler has no console', { timeout: 60_000 }, async (t) => {
  await withPage(browser, t.name, async (page) => {
    await signIn(page, 'handler1')
    assert.equal(await page.locator('a.nav-link', { hasText: '监察台' }).count(), 0)
    await page.goto('/console')
    await page.waitForURL((url) => url.pathname === '/home')
  })
})

/** Land-bureau figures of the quarter, as the console's API gives them. */
async function landBureau() {
  const rows = (await api('GET', '/api/console/statistics?groupBy=DEPARTMENT&from=2026-10-01&to=2026-12-31', 'supervisor')).body
  return rows.find((r) => r.key === 'land-bureau') ?? { steps: 0, faults: 0 }
}

test('a red raised by the engine reaches the board within 2 s; the supervisor orders, finds and acknowledges', { timeout: 180_000 }, async (t) => {
  if (!clockAvailable) return t.skip('the server has no test clock (run through CatalogBrowserIT)')
  try {
    assert.ok(await setClock('2026-11-23T10:00:00+08:00'))
    const started = await api('POST', '/api/cases', 'handler1', { powerCode: 'XK-LAND-001', applicant: { name: '监察台测试公司' } })
    assert.equal(started.status, 201, JSON.stringify(started.body))
    const { caseId, caseNumber } = started.body
    const task = (await api('GET', '/api/tasks?scope=candidate', 'handler1')).body.find((x) => x.caseId === caseId)
    assert.equal((await api('POST', `/api/tasks/${task.taskId}/claim`, 'handler1')).status, 204)
    const before = await landBureau()
    const instruction = `请说明 ${caseNumber} 超时原因并立即办理`

    await withPage(browser, t.name, async (page) => {
      await signIn(page, 'supervisor', 'demo', '/console')
      const red = page.locator('[data-testid=board-steps-red] .number')
      await red.waitFor()
      await page.waitForTimeout(1000) // the live stream is connected
      const redBefore = Number(await red.innerText())

      assert.ok(await setClock(new Date(new Date(task.deadline).getTime() + 60_000).toISOString()))
      await runDueTimers()
      const raised = Date.now()
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid=board-steps-red] .number')?.textContent) > n, redBefore, { timeout: 10_000 })
      const shown = Date.now() - raised
      assert.ok(shown <= 2000, `the red alarm reached the board ${shown} ms after its timer ran`)
      await page.locator('.el-notification', { hasText: caseNumber }).first().waitFor()

      await page.locator('[data-testid=console-nav] a', { hasText: '预警告警' }).click()
      const row = page.locator('[data-testid=escalation-table] .el-table__body-wrapper tr', { hasText: caseNumber }).filter({ hasText: '红色警告' }).filter({ hasText: '受理' })
      await row.first().waitFor()

      await row.first().locator('[data-testid=order]').click()
      await page.locator('[data-testid=order-instruction] textarea, textarea[data-testid=order-instruction]').fill(instruction)
      await page.locator('[data-testid=action-submit]').click()
      await page.locator('.el-message--success').first().waitFor()

      await row.first().locator('[data-testid=finding]').click()
      await page.locator('.el-radio', { hasText: '经办人过错' }).click()
      await page.locator('[data-testid=action-note] textarea, textarea[data-testid=action-note]').fill('受理后两日未处理')
      await page.locator('[data-testid=action-submit]').click()
      await page.locator('.el-message--success').first().waitFor()

      // The case view: steps with their limits and time used, the diagram, and the finding.
      await row.first().locator('[data-testid=case-link]').click()
      await page.waitForURL(/\/console\/cases\//)
      await page.locator('[data-testid=console-case]', { hasText: caseNumber }).waitFor()
      await page.locator('[data-testid=timeline]').waitFor()
      await page.locator('[data-testid=case-finding]', { hasText: '受理后两日未处理' }).waitFor()
      await page.locator('[data-testid=flowchart] .djs-shape').first().waitFor()
      await page.goBack()
      await row.first().waitFor()

      await row.first().locator('[data-testid=acknowledge]').click()
      await page.locator('[data-testid=action-submit]').click()
      // The list shows open escalations: the acknowledged one leaves it.
      await page.waitForFunction(
        (number) => ![...document.querySelectorAll('[data-testid=escalation-table] tr')].some((tr) => tr.textContent.includes(number) && tr.textContent.includes('受理') && tr.textContent.includes('红色警告')),
        caseNumber,
      )
    })

    await withPage(browser, `${t.name} (handler)`, async (page) => {
      await signIn(page, 'handler1', 'demo', '/tasks/orders')
      await page.locator('[data-testid=order-table] tr', { hasText: instruction }).waitFor()
    })

    const done = await api('POST', `/api/tasks/${task.taskId}/complete`, 'handler1', {
      variables: { materialsComplete: true, accepted: true, acceptOpinion: '受理' },
    })
    assert.equal(done.status, 204, JSON.stringify(done.body))
    const after = await landBureau()
    assert.equal(after.steps, before.steps + 1)
    assert.equal(after.faults, before.faults + 1, 'the finding of fault counts in the department\'s statistics')

    await withPage(browser, `${t.name} (statistics)`, async (page) => {
      await signIn(page, 'supervisor', 'demo', '/console/statistics')
      const landRow = page.locator('[data-testid=stats-table] .el-table__body-wrapper tr', { hasText: 'land-bureau' })
      await landRow.waitFor()
      const cells = await landRow.locator('td').allInnerTexts()
      assert.equal(cells[6].trim(), String(after.faults), `the faults column, saw ${JSON.stringify(cells)}`)
    })
  } finally {
    await resetClock()
  }
})
