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

test('a designer signs in, finds the powers and reads one flowchart with its steps', { timeout: 120_000 }, async (t) => {
  await withPage(browser, t.name, async (page) => {
    await signIn(page, 'designer')
    assert.equal(new URL(page.url()).pathname, '/catalog')

    const rows = page.locator('[data-testid=power-table] .el-table__body-wrapper tr.el-table__row')
    await rows.first().waitFor()
    const count = await rows.count()
    assert.ok(count >= 5, `expected at least 5 powers in the catalog, saw ${count}`)

    const link = page.locator('[data-testid=power-link]').first()
    const name = (await link.innerText()).trim()
    await link.click()
    await page.waitForURL(/\/catalog\/[^/]+$/)
    await page.locator('[data-testid=power-name]', { hasText: name }).waitFor()

    await page.locator('[data-testid=flowchart] .djs-element.djs-shape').first().waitFor()
    const shapes = await page.locator('[data-testid=flowchart] .djs-shape').count()
    assert.ok(shapes >= 3, `expected a rendered flowchart, saw ${shapes} shapes`)

    const limits = page.locator('[data-testid=steps-table] [data-testid=step-time-limit]')
    await limits.first().waitFor()
    const texts = await limits.allInnerTexts()
    assert.ok(
      texts.some((text) => /\d+\s*(个工作日|个自然日|小时|分钟)/.test(text)),
      `expected a time limit such as "3 个工作日" in the steps table, saw ${JSON.stringify(texts)}`,
    )
  })
})

test('the catalog sends a signed-out visitor to the sign-in page and back', { timeout: 60_000 }, async (t) => {
  await withPage(browser, t.name, async (page) => {
    await page.goto('/catalog')
    await page.waitForURL((url) => url.pathname === '/login')
    assert.equal(new URL(page.url()).searchParams.get('redirect'), '/catalog')
    await page.locator('[data-testid=demo-hint]').waitFor()

    await page.locator('[data-testid=login-username] input').fill('designer')
    await page.locator('[data-testid=login-password] input').fill('wrong')
    await page.locator('[data-testid=login-submit]').click()
    await page.locator('[data-testid=login-error]').waitFor()
    assert.equal(new URL(page.url()).pathname, '/login')
  })
})
