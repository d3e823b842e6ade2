import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, launchBrowser, withPage } from './support.mjs'

// The public portal, without signing in, on a 360 px wide phone.
const phone = { viewport: { width: 360, height: 740 } }

let browser

before(async () => {
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
})

async function fitsTheScreen(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`)
}

test('a citizen searches the portal on a phone and reads a power with its flowchart and four clarities', { timeout: 120_000 }, async (t) => {
  await withPage(
    browser,
    t.name,
    async (page) => {
      await page.goto('/portal')
      await page.locator('[data-testid=portal-power]').first().waitFor()
      assert.equal(await page.locator('header.header').count(), 0, 'the signed-in header is not shown')
      await fitsTheScreen(page)

      await page.locator('input[data-testid=portal-search]').fill('土地管理法')
      const land = page.locator('[data-testid=portal-power]', { hasText: '建设用地审批' })
      await land.waitFor()
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=portal-power]').length === 1)
      await land.click()

      await page.waitForURL(/\/portal\/powers\/XK-LAND-001$/)
      await page.locator('[data-testid=portal-power-name]', { hasText: '建设用地审批' }).waitFor()
      await page.locator('[data-testid=flowchart] [data-element-id=Task_Accept]').first().waitFor()
      const clarities = await page.locator('[data-testid=portal-clarities]').innerText()
      assert.match(clarities, /受理/)
      assert.match(clarities, /land-acceptance-window/)
      assert.match(clarities, /首问负责制/)
      await fitsTheScreen(page)
    },
    phone,
  )
})

test('an applicant follows a case with the right code and is refused with a wrong one', { timeout: 120_000 }, async (t) => {
  const started = await api('POST', '/api/cases', 'handler1', {
    powerCode: 'XK-LAND-001',
    applicant: { name: '李四光', idNumber: '110101198001011234', phone: '13800001111' },
  })
  assert.equal(started.status, 201)
  const { caseNumber, queryCode } = started.body
  await withPage(
    browser,
    t.name,
    async (page) => {
      await page.goto('/portal/cases')
      await page.locator('input[data-testid=portal-case-number]').fill(caseNumber)
      await page.locator('input[data-testid=portal-query-code]').fill('AAAAAAAA')
      await page.locator('[data-testid=portal-lookup]').click()
      await page.locator('[data-testid=portal-case-error]', { hasText: '办件编号或查询码不正确' }).waitFor()
      assert.equal(await page.locator('[data-testid=portal-progress]').count(), 0)

      await page.locator('input[data-testid=portal-query-code]').fill(queryCode.toLowerCase())
      await page.locator('[data-testid=portal-lookup]').click()
      await page.locator('[data-testid=portal-progress]').waitFor()
      await page.waitForURL(new RegExp(`/portal/cases/${caseNumber}$`))
      assert.equal((await page.locator('[data-testid=portal-applicant]').innerText()).trim(), '李*')
      await page.locator('[data-testid=portal-step-open]', { hasText: '受理' }).waitFor()
      await page.locator('[data-testid=portal-step-open] [data-testid=lamp]').first().waitFor()
      const text = await page.locator('body').innerText()
      for (const personal of ['李四光', '110101198001011234', '13800001111', 'handler1', queryCode]) {
        assert.ok(!text.includes(personal), `the page shows ${personal}`)
      }
      assert.ok(!page.url().includes(queryCode), 'the query code is not in the address')
      await fitsTheScreen(page)
    },
    phone,
  )
})
