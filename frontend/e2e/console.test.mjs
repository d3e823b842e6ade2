import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, signIn, withPage } from './support.mjs'

let browser

before(async () => {
  browser = await launchBrowser()
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
    await page.waitForURL((url) => url.pathname === '/catalog')
  })
})
