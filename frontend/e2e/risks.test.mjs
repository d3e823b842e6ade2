import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { api, launchBrowser, signIn, withPage } from './support.mjs'

let browser

before(async () => {
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
})

/** The rows of the register's tables (the expanded history rows aside). */
const rows = (page) => page.locator('[data-testid=risks-table] .el-table__body > tbody > tr.el-table__row')

test('a supervisor reads the registers by post, department and unit, filters them and exports both files', { timeout: 180_000 }, async (t) => {
  await withPage(browser, t.name, async (page) => {
    await signIn(page, 'supervisor')
    await page.locator('a.nav-link', { hasText: '风险防控' }).click()
    await page.waitForURL(/\/risks$/)
    // A reload of /risks serves the app too.
    await page.reload()

    // By post first: one card per post, its title the post's name with its department.
    await page.locator('[data-testid=risks-group]').first().waitFor()
    assert.ok((await page.locator('[data-testid=risks-group]').count()) > 1, 'one register per post')
    const total = Number((await page.locator('[data-testid=risks-total]').innerText()).match(/\d+/)[0])
    assert.ok(total >= 5, `the sample powers' points are registered, saw ${total}`)

    // Level 1 only: every tag says 高, in red.
    await page.locator('[data-testid=risks-level]').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '高' }).click()
    await page.locator('[data-testid=risks-total]', { hasText: /共 \d+ 个风险点/ }).waitFor()
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid=risks-table] [data-risk-level]')].every((tag) => tag.getAttribute('data-risk-level') === '1'))
    const tag = page.locator('[data-testid=risks-table] [data-risk-level="1"]').first()
    assert.equal((await tag.innerText()).trim(), '高')
    assert.equal(await tag.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(229, 57, 53)')

    // Text: the land power's level-1 point, in the whole unit's register.
    await page.locator('[data-testid=risks-views] .el-tabs__item', { hasText: '单位登记表' }).click()
    await page.locator('[data-testid=risks-text]').locator('xpath=descendant-or-self::input').fill('R-LAND-05')
    await page.locator('[data-testid=risks-total]', { hasText: '共 1 个风险点' }).waitFor()
    assert.equal(await rows(page).count(), 1)
    assert.match(await rows(page).first().innerText(), /主要领导个人说了算/)
    assert.match(await rows(page).first().innerText(), /主要领导/)
    assert.equal(await rows(page).first().locator('[data-testid=risks-power-link]').getAttribute('href'), '/catalog/XK-LAND-001')

    // Its history across versions, on demand.
    await rows(page).first().locator('.el-table__expand-icon').click()
    await page.locator('.el-timeline-item', { hasText: '新增' }).first().waitFor()

    // By department, then both exports of what is shown.
    await page.locator('[data-testid=risks-views] .el-tabs__item', { hasText: '部门登记表' }).click()
    await page.locator('[data-testid=risks-group]', { hasText: '自然资源局' }).waitFor()
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=risks-export-xlsx]').click()])
    assert.match(xlsx.suggestedFilename(), /^sunlight-risk-register-department-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const workbook = await readFile(await xlsx.path())
    assert.equal(workbook.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip')
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=risks-export-pdf]').click()])
    assert.match(pdf.suggestedFilename(), /\.pdf$/)
    assert.equal((await readFile(await pdf.path())).subarray(0, 5).toString('latin1'), '%PDF-')

    // The map: departments × levels; a cell opens its points in the unit's register.
    await page.locator('.filters .el-button', { hasText: '重置' }).click()
    await page.locator('[data-testid=risks-views] .el-tabs__item', { hasText: '风险地图' }).click()
    const cell = page.locator('[data-testid=risks-map] td[data-department=land-bureau][data-level="1"]')
    const count = Number(await cell.getAttribute('data-count'))
    assert.ok(count >= 1, `the land bureau has level-1 points, saw ${count}`)
    assert.match(await cell.evaluate((el) => getComputedStyle(el).backgroundColor), /rgba?\(229, 57, 53/)
    await cell.click()
    await page.locator('[data-testid=risks-total]', { hasText: `共 ${count} 个风险点` }).waitFor()
    assert.equal(await rows(page).count(), count)
    for (const text of await rows(page).allInnerTexts()) assert.match(text, /县自然资源局[\s\S]*高/)
  })
})

test('the register answers only those who keep it', { timeout: 60_000 }, async (t) => {
  assert.equal((await api('GET', '/api/risks?view=POST', 'designer')).status, 200)
  assert.equal((await api('GET', '/api/risks', 'handler1')).status, 403)
  await withPage(browser, t.name, async (page) => {
    await signIn(page, 'handler1')
    assert.equal(await page.locator('a.nav-link', { hasText: '风险防控' }).count(), 0)
    await page.goto('/risks')
    await page.waitForURL((url) => url.pathname === '/home')
  })
})
