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

test('an administrator sees the organisation, adds a person who can then sign in, and verifies the audit chain', { timeout: 180_000 }, async (t) => {
  const username = `clerk${Date.now() % 100000}`
  await withPage(browser, t.name, async (page) => {
    await signIn(page, 'admin', 'demo', '/admin')
    assert.equal(new URL(page.url()).pathname, '/admin')
    await page.locator('[data-testid=org-tree]', { hasText: '示范县人民政府' }).waitFor()
    await page.locator('[data-testid=org-tree]', { hasText: '县自然资源局' }).waitFor()

    await page.getByRole('tab', { name: '人员与权限' }).click()
    await page.locator('[data-testid=people-table]', { hasText: 'handler1' }).waitFor()
    await page.locator('[data-testid=add-person]').click()
    await page.locator('[data-testid=person-username]').fill(username)
    await page.locator('[data-testid=person-name]').fill('新来的经办人')
    // Too short a password: the server's reason is shown and nobody is created.
    await page.locator('[data-testid=person-password]').fill('short')
    await page.locator('[data-testid=save-person]').click()
    await page.locator('.el-message--error', { hasText: '8' }).waitFor()
    await page.locator('[data-testid=person-password]').fill('long-enough-pass')
    await page.locator('[data-testid=save-person]').click()
    await page.locator('[data-testid=people-table]', { hasText: username }).waitFor()

    await page.getByRole('tab', { name: '审计留痕' }).click()
    await page.locator('[data-testid=audit-table]', { hasText: 'ORGANISATION_CHANGED' }).waitFor()
    await page.locator('[data-testid=verify-audit]').click()
    await page.locator('[data-testid=audit-valid]').waitFor()
  })

  await withPage(browser, `${t.name} (the new person)`, async (page) => {
    await signIn(page, username, 'long-enough-pass')
    const who = await page.locator('[data-testid=current-user]').innerText()
    assert.match(who, /新来的经办人/)
    // A handler has no administration area: the link is absent and the page sends them away.
    assert.equal(await page.locator('a.nav-link', { hasText: '系统管理' }).count(), 0)
    await page.goto('/admin')
    await page.waitForURL((url) => url.pathname === '/home')
  })
})
