import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, launchBrowser, resetClock, runDueTimers, setClock, signIn, withPage } from './support.mjs'

// A complaint from filing to answer: the citizen on a 360 px phone files it behind the real
// proof-of-work challenge, the discipline office's inspector works it in the workspace, its
// yellow lamp shows in the console when the engine clock passes the warning, and the citizen
// reads the answer by number and code.
const phone = { viewport: { width: 360, height: 740 } }
const NAME = '钱学森'
const PHONE = '13912348765'

let browser
let clockAvailable = false

before(async () => {
  browser = await launchBrowser()
  clockAvailable = await setClock(new Date().toISOString()).catch(() => false)
  await resetClock()
})

after(async () => {
  await resetClock()
  await browser?.close()
})

async function fitsTheScreen(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`)
}

async function confirmBox(page) {
  await page.locator('.el-message-box__btns .el-button--primary').click()
}

/** The inspector opens the complaint's open step from the task list and claims it. */
async function openAndClaim(page, number, step) {
  await page.goto('/tasks')
  await page.locator('[data-testid=task-table] tr.task-row', { hasText: number }).filter({ hasText: step }).locator('[data-testid=open]').click()
  await page.locator('[data-testid=case-number]', { hasText: number }).waitFor()
  await page.locator('.title [data-testid=claim]').click()
  await page.locator('[data-testid=complete]').waitFor()
}

test('a citizen files a complaint on a phone, the discipline office answers it in the workspace, its lamp shows in the console', { timeout: 240_000 }, async (t) => {
  let number
  let code
  try {
    await withPage(
      browser,
      `${t.name} (filing)`,
      async (page) => {
        await page.goto('/portal')
        await page.locator('[data-testid=portal-nav-complain]').click()
        await page.waitForURL(/\/portal\/complaints\/new$/)
        await fitsTheScreen(page)

        // Refused before anything is sent: no subject chosen.
        await page.locator('[data-testid=complaint-submit]').click()
        await page.locator('[data-testid=complaint-error]', { hasText: '请选择投诉对象' }).waitFor()

        await page.locator('[data-testid=complaint-kind-power]').click()
        await page.locator('[data-testid=complaint-power] .el-select__wrapper').click()
        await page.locator('.el-select-dropdown__item:visible', { hasText: 'XK-LAND-001' }).first().click()
        await page.locator('textarea[data-testid=complaint-text]').fill('窗口要求提交法律没有规定的材料，<b>并</b>多次推诿。')
        await page.locator('input[data-testid=complaint-name]').fill(NAME)
        await page.locator('input[data-testid=complaint-phone]').fill(PHONE)
        await page.locator('[data-testid=complaint-challenge] input[type=checkbox]').click()
        await page.waitForFunction(() => {
          const input = document.querySelector('altcha-widget input[name=altcha]')
          return input && input.value.length > 0
        }, undefined, { timeout: 30_000 })
        await fitsTheScreen(page)
        await page.locator('[data-testid=complaint-submit]').click()

        await page.locator('[data-testid=complaint-filed]').waitFor()
        number = (await page.locator('[data-testid=complaint-number]').innerText()).trim()
        code = (await page.locator('[data-testid=complaint-code]').innerText()).trim()
        assert.match(number, /^SYS-COMPLAINT-\d{4}-\d{6}$/)
        assert.match(code, /^[A-HJ-NP-Z2-9]{8}$/)
        await page.locator('[data-testid=complaint-keep-code]', { hasText: '查询码只显示这一次' }).waitFor()
        await fitsTheScreen(page)
      },
      phone,
    )

    const tasks = (await api('GET', '/api/tasks?scope=candidate', 'inspector')).body
    const accept = tasks.find((x) => x.caseNumber === number)
    assert.ok(accept, 'the complaint waits in the discipline office')
    assert.equal(accept.name, '受理审查')
    // Nobody else's workspace: the demo handlers are not in the complaint post.
    assert.ok(!(await api('GET', '/api/tasks?scope=candidate', 'handler1')).body.some((x) => x.caseNumber === number))

    if (clockAvailable) {
      // Past the acceptance's warning on the engine clock: the complaint's lamp turns yellow in the console.
      assert.ok(await setClock(new Date(new Date(accept.warnAt).getTime() + 60_000).toISOString()))
      await runDueTimers()
      await withPage(browser, `${t.name} (console)`, async (page) => {
        await signIn(page, 'supervisor', 'demo', '/console')
        await page.locator('.el-table__row', { hasText: '投诉举报办理' }).first().waitFor()
        await page.locator('[data-testid=console-nav] a', { hasText: '预警告警' }).click()
        await page.locator('[data-testid=escalation-table] .el-table__body-wrapper tr', { hasText: number })
          .filter({ hasText: '黄色预警' }).first().waitFor()
      })
      const view = (await api('GET', `/api/cases/${accept.caseId}`, 'supervisor')).body
      assert.equal(view.steps[0].lamp, 'YELLOW')
    }

    await withPage(browser, `${t.name} (workspace)`, async (page) => {
      await signIn(page, 'inspector', 'demo', '/tasks')
      await openAndClaim(page, number, '受理审查')
      // The complaint's text as text, the phone masked, the name for the office.
      const shown = await page.locator('[data-testid=field-complaintText] input, [data-testid=field-complaintText] textarea').first().inputValue()
      assert.ok(shown.includes('<b>并</b>'), `the complaint text is shown as typed: ${shown}`)
      const body = await page.locator('body').innerText()
      assert.ok(!body.includes(PHONE), 'the workspace shows the whole phone')
      assert.equal(await page.locator('[data-testid=field-complaintText] b').count(), 0, 'the complaint text became markup')
      await page.locator('[data-testid=field-accepted] .el-radio', { hasText: '是' }).click()
      await page.locator('[data-testid=field-acceptOpinion] textarea').fill('属于受理范围，予以受理')
      await page.locator('[data-testid=complete]').click()
      await confirmBox(page)
      await page.waitForURL((url) => url.pathname === '/tasks')

      // The investigation through the API, to keep this test short; the answer in the workspace.
      const investigate = (await api('GET', '/api/tasks?scope=candidate', 'inspector')).body.find((x) => x.caseNumber === number)
      assert.equal(investigate.name, '调查核实')
      assert.equal((await api('POST', `/api/tasks/${investigate.taskId}/claim`, 'inspector')).status, 204)
      const investigated = await api('POST', `/api/tasks/${investigate.taskId}/complete`, 'inspector', {
        variables: { investigation: '调取窗口录像核实，确有要求额外材料', substantiated: 'substantiated', fault: 'handler' },
      })
      assert.equal(investigated.status, 204, JSON.stringify(investigated.body))

      await openAndClaim(page, number, '答复')
      await page.locator('[data-testid=field-answer] textarea').fill('经核实，您反映的问题属实，已责令窗口整改并对相关人员批评教育。')
      await page.locator('[data-testid=complete]').click()
      await confirmBox(page)
      await page.waitForURL((url) => url.pathname === '/tasks')
    })

    await withPage(
      browser,
      `${t.name} (following)`,
      async (page) => {
        await page.goto('/portal')
        await page.locator('[data-testid=portal-nav-follow]').click()
        await page.locator('input[data-testid=follow-number]').fill(number)
        await page.locator('input[data-testid=follow-code]').fill('AAAAAAAA')
        await page.locator('[data-testid=follow-submit]').click()
        await page.locator('[data-testid=follow-error]', { hasText: '投诉编号或查询码不正确' }).waitFor()
        await page.locator('input[data-testid=follow-code]').fill(code.toLowerCase())
        await page.locator('[data-testid=follow-submit]').click()
        await page.locator('[data-testid=follow-progress]').waitFor()
        assert.equal((await page.locator('[data-testid=follow-status]').innerText()).trim(), '已答复')
        assert.equal((await page.locator('[data-testid=follow-conclusion]').innerText()).trim(), '属实')
        await page.locator('[data-testid=follow-answer]', { hasText: '已责令窗口整改' }).waitFor()
        assert.equal(await page.locator('[data-testid=follow-step-done]').count(), 3)
        await page.locator('[data-testid=follow-step-done]', { hasText: '投诉举报受理岗' }).first().waitFor()
        const text = await page.locator('body').innerText()
        for (const personal of [NAME, PHONE, '8765', 'inspector', '吴刚', code, '录像']) {
          assert.ok(!text.includes(personal), `the page shows ${personal}`)
        }
        await fitsTheScreen(page)
      },
      phone,
    )
  } finally {
    await resetClock()
  }
})
