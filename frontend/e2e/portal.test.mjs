import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, launchBrowser, withPage } from './support.mjs'

// The public portal, without signing in, on a 360 px wide phone and on a desktop screen; every
// page it shows is scanned for personal data (docs/portal.md).
const viewports = [
  { name: 'phone', viewport: { width: 360, height: 740 } },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
]

let browser
let personal

before(async () => {
  browser = await launchBrowser()
  personal = await personalData()
})

after(async () => {
  await browser?.close()
})

async function fitsTheScreen(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`)
}

/**
 * What no portal page may show: everyone's username (as a whole word) and display name (whole,
 * and the name at its end: "经办人 张伟" gives "张伟"), the applicants' full names, and anything
 * shaped like an 18-digit ID number, an unmasked 11-digit mobile number or an email address.
 */
async function personalData() {
  const org = await api('GET', '/api/org', 'admin')
  assert.equal(org.status, 200)
  const publicNames = new Set([...org.body.posts, ...org.body.departments].map((x) => x.name))
  const names = new Set()
  for (const person of org.body.people) {
    const display = (person.displayName ?? '').trim()
    const last = display.split(/\s+/).at(-1).replace(/[（(].*$/, '').trim()
    for (const name of [display, last]) if ([...name].length >= 2 && !publicNames.has(name)) names.add(name)
  }
  const usernames = [...new Set([...org.body.people.map((p) => p.username), 'wangxiaoming', 'zhaoliuliu'])]
  return { names, usernames }
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Scans the page's text and HTML. Usernames are looked for in the HTML without its markup words:
 * the <head> tag and class names ("head" and "leader" are usernames too).
 */
async function assertNothingPersonal(page, applicants = []) {
  const { text, html } = await page.evaluate(() => ({
    text: document.body.innerText,
    html: document.documentElement.outerHTML,
  }))
  const markupless = html.replace(/<\/?head>/g, '').replace(/\sclass="[^"]*"/g, '')
  const found = []
  for (const [where, content] of [['text', text], ['HTML', html]]) {
    for (const name of [...personal.names, ...applicants]) if (content.includes(name)) found.push(`${where}: name ${name}`)
    for (const username of personal.usernames) {
      const searched = where === 'HTML' ? markupless : content
      const match = searched.match(new RegExp(`(?<![A-Za-z0-9_.-])${escape(username)}(?![A-Za-z0-9_.-])`))
      if (match) found.push(`${where}: username ${username} in …${searched.slice(Math.max(0, match.index - 40), match.index + 40)}…`)
    }
    for (const [kind, pattern] of [
      ['ID number', /(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])/g],
      ['phone', /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g],
      ['email', /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g],
    ]) {
      for (const match of content.match(pattern) ?? []) found.push(`${where}: ${kind} ${match}`)
    }
  }
  assert.deepEqual(found, [], `personal data on ${page.url()}`)
}

/** A land case refused at acceptance, so this month has a finished step and a concluded case to show. */
async function concludeAStep() {
  const started = await api('POST', '/api/cases', 'handler1', { powerCode: 'XK-LAND-001', applicant: { name: '统计测试公司' } })
  assert.equal(started.status, 201, JSON.stringify(started.body))
  const task = (await api('GET', '/api/tasks?scope=candidate', 'handler1')).body.find((x) => x.caseId === started.body.caseId)
  assert.equal((await api('POST', `/api/tasks/${task.taskId}/claim`, 'handler1')).status, 204)
  const done = await api('POST', `/api/tasks/${task.taskId}/complete`, 'handler1', {
    variables: { materialsComplete: false, accepted: false, acceptOpinion: '材料不全，不予受理' },
  })
  assert.equal(done.status, 204, JSON.stringify(done.body))
}

for (const { name, viewport } of viewports) {
  test(`${name}: a citizen searches the portal and reads a power with its flowchart and four clarities`, { timeout: 120_000 }, async (t) => {
    await withPage(
      browser,
      t.name,
      async (page) => {
        await page.goto('/portal')
        await page.locator('[data-testid=portal-power]').first().waitFor()
        assert.equal(await page.locator('header.header').count(), 0, 'the signed-in header is not shown')
        await fitsTheScreen(page)
        await assertNothingPersonal(page)

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
        await assertNothingPersonal(page)
      },
      { viewport },
    )
  })

  test(`${name}: an applicant follows a case with the right code and is refused with a wrong one`, { timeout: 120_000 }, async (t) => {
    const applicant = { name: '李四光', idNumber: '110101198001011234', phone: '13800001111' }
    const started = await api('POST', '/api/cases', 'handler1', { powerCode: 'XK-LAND-001', title: `${applicant.name}的用地申请`, applicant })
    assert.equal(started.status, 201)
    const { caseNumber, queryCode } = started.body
    await withPage(
      browser,
      t.name,
      async (page) => {
        await page.goto('/portal')
        await page.locator('[data-testid=portal-nav-progress]').click()
        await page.waitForURL(/\/portal\/cases$/)
        await page.locator('input[data-testid=portal-case-number]').fill(caseNumber)
        await page.locator('input[data-testid=portal-query-code]').fill('AAAAAAAA')
        await page.locator('[data-testid=portal-lookup]').click()
        await page.locator('[data-testid=portal-case-error]', { hasText: '办件编号或查询码不正确' }).waitFor()
        assert.equal(await page.locator('[data-testid=portal-progress]').count(), 0)
        await fitsTheScreen(page)

        await page.locator('input[data-testid=portal-query-code]').fill(queryCode.toLowerCase())
        await page.locator('[data-testid=portal-lookup]').click()
        await page.locator('[data-testid=portal-progress]').waitFor()
        await page.waitForURL(new RegExp(`/portal/cases/${caseNumber}$`))
        assert.equal((await page.locator('[data-testid=portal-applicant]').innerText()).trim(), '李*')
        await page.locator('[data-testid=portal-step-open]', { hasText: '受理' }).waitFor()
        await page.locator('[data-testid=portal-step-open] [data-testid=lamp]').first().waitFor()
        assert.ok(!(await page.content()).includes(queryCode), 'the page does not show the query code')
        assert.ok(!page.url().includes(queryCode), 'the query code is not in the address')
        await fitsTheScreen(page)
        await assertNothingPersonal(page, [applicant.name])
      },
      { viewport },
    )
  })

  test(`${name}: the public statistics show a chart and a table of every department with public powers`, { timeout: 120_000 }, async (t) => {
    await concludeAStep()
    await withPage(
      browser,
      t.name,
      async (page) => {
        await page.goto('/portal')
        await page.locator('[data-testid=portal-nav-statistics]').click()
        await page.waitForURL(/\/portal\/statistics$/)
        await page.locator('[data-testid=portal-stats-trend] canvas').waitFor()
        const rows = page.locator('[data-testid=portal-stats-row]')
        await rows.first().waitFor()
        const table = await page.locator('[data-testid=portal-stats-table]').innerText()
        assert.match(table, /县自然资源局/, 'departments by name')
        assert.doesNotMatch(table, /land-bureau/, 'not by id')
        assert.equal(await page.locator('[data-testid=portal-stats-months] tbody tr').count(), 12, 'the last twelve months')
        await fitsTheScreen(page)
        await assertNothingPersonal(page)

        // One department: its months only, no department chart.
        await page.locator('[data-testid=portal-stats-department]').click()
        await page.locator('.el-select-dropdown__item', { hasText: '县自然资源局' }).click()
        await page.waitForFunction(() => document.querySelectorAll('[data-testid=portal-stats-row]').length === 1)
        assert.equal(await page.locator('[data-testid=portal-stats-departments]').count(), 0)
        await fitsTheScreen(page)
      },
      { viewport },
    )
  })
}
