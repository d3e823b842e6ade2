import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { launchBrowser, signIn, withPage } from './support.mjs'

let browser

before(async () => {
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
})

const code = `E2E-DESIGN-${Date.now().toString(36).toUpperCase()}`
const name = `端到端测试许可 ${code}`

const panel = (page, entry, selector = 'input, select, textarea') =>
  page.locator(`[data-testid=properties-panel] [data-entry-id="${entry}"]`).locator(selector).first()

async function openEditor(page) {
  await page.waitForURL(/\/designer\/drafts\/[^/]+$/)
  await page.locator('[data-testid=modeler] .djs-shape').first().waitFor()
  await page.locator('[data-testid=properties-panel] [data-entry-id="sl-code"]').waitFor()
}

async function selectElement(page, id) {
  await page.locator(`[data-testid=modeler] .djs-element[data-element-id="${id}"]`).first().click()
  await page.locator('[data-testid=properties-panel] [data-entry-id="sl-timeLimit"]').waitFor()
}

/** Deploying submits for review (法制审核): the designer sees 审核中, a second person approves. */
async function deploy(page, version) {
  await page.locator('[data-testid=no-problems]').waitFor()
  await page.locator('[data-testid=deploy]').click()
  const dialog = page.locator('[data-testid=deployed-text]')
  await dialog.waitFor()
  assert.match(await dialog.innerText(), new RegExp(`${code} 第 ${version} 版已提交法制审核`))
  await page.locator('[data-testid=view-deployed]').click()
  await page.waitForURL(/\/designer(#submissions)?$/)
  const submission = page.locator('[data-testid=my-submissions] tr.el-table__row', { hasText: code }).filter({ hasText: `v${version}` })
  await submission.locator('[data-testid=my-submission-status]', { hasText: '审核中' }).waitFor()

  await withPage(browser, `reviewer approves ${code} v${version}`, async (reviewer) => {
    await signIn(reviewer, 'reviewer', 'demo', '/review')
    const row = reviewer.locator('[data-testid=review-table] tr.el-table__row', { hasText: code }).filter({ hasText: `v${version}` })
    await row.locator('[data-testid=review-approve]').click()
    await reviewer.locator('.el-message-box__btns .el-button--primary').click()
    await row.waitFor({ state: 'detached' })
  })

  await page.reload()
  await submission.locator('[data-testid=my-submission-status]', { hasText: '已发布' }).waitFor()
  await page.goto(`/designer/powers/${code}`)
}

test('a designer creates a power from the template, sets a step, deploys it twice (each approved by the reviewer) and compares', { timeout: 240_000 }, async (t) => {
  await withPage(browser, t.name, async (page) => {
    await signIn(page, 'designer', 'demo', '/designer')
    await page.locator('[data-testid=designer-powers] tr.el-table__row').first().waitFor()

    // New power from the template, without a legal basis yet.
    await page.locator('[data-testid=new-power]').click()
    await page.locator('[data-testid=create-name] input').fill(name)
    await page.locator('[data-testid=create-code] input').fill(code)
    await page.locator('[data-testid=create-department] .el-select__wrapper').click()
    await page.keyboard.type('land-bureau')
    await page.keyboard.press('Enter')
    await page.locator('[data-testid=create-submit]').click()
    await openEditor(page)
    assert.equal((await page.locator('[data-testid=draft-name]').innerText()).trim(), name)

    // The server finds the missing legal basis; filling it in through the panel clears it.
    const legalBasisError = page.locator('[data-testid=problem-error][data-code=MISSING_LEGAL_BASIS]')
    await legalBasisError.waitFor()
    await panel(page, 'sl-legalBasis', 'textarea').fill('《中华人民共和国行政许可法》第四十二条')
    await legalBasisError.waitFor({ state: 'detached' })
    await page.locator('[data-testid=no-problems]').waitFor()

    // The four clarities of the review step: post, limit and supervisor, all picked.
    await selectElement(page, 'Task_Review')
    await panel(page, 'sl-post-0', 'select').selectOption('land-reviewer')
    await panel(page, 'sl-timeLimit', '.sl-duration-amount').fill('4')
    await panel(page, 'sl-timeLimit', '.sl-duration-amount').press('Tab')
    await panel(page, 'sl-supervisor', 'select').selectOption('')
    const supervisorError = page.locator('[data-testid=problem-error][data-element-id=Task_Review]')
    await supervisorError.waitFor()
    assert.ok(await page.locator('.djs-element.sl-problem-error[data-element-id=Task_Review]').count(), 'the step is marked')
    assert.equal(await page.locator('[data-testid=deploy]').isDisabled(), true, 'errors block deploying')
    await page.locator('[data-testid=properties-panel] [data-entry-id="sl-supervisor"] .bio-properties-panel-error').waitFor()
    // Clicking the problem selects its element and puts the cursor on the entry that fixes it.
    await page.locator('[data-testid=modeler] .djs-element[data-element-id="Task_Accept"]').first().click()
    await supervisorError.click()
    await page.waitForFunction(() => document.activeElement?.closest('[data-entry-id="sl-supervisor"]') != null)
    assert.ok(await page.locator('.djs-element.selected[data-element-id=Task_Review]').count(), 'the step is selected')
    await panel(page, 'sl-supervisor', 'select').selectOption('group:discipline-office')
    await supervisorError.waitFor({ state: 'detached' })

    await page.locator('[data-testid=save]').click()
    await page.locator('[data-testid=save-state]', { hasText: '已保存' }).waitFor()
    await deploy(page, 1)
    await page.locator('[data-testid=source-diagram] .djs-shape').first().waitFor()
    await page.locator('[data-testid=compiled-diagram] [data-element-id^="SL_Red_Task_Review"]').first().waitFor()

    // The catalog lists it.
    await page.goto('/catalog')
    await page.locator('input[data-testid=catalog-search]').fill(code)
    await page.locator('[data-testid=power-link]', { hasText: name }).waitFor()

    // Version 2 promises 8 working days instead of 10.
    await page.goto(`/designer/powers/${code}`)
    await page.locator('[data-testid=edit-power]').click()
    await openEditor(page)
    const promised = panel(page, 'sl-promisedLimit', '.sl-duration-amount')
    assert.equal(await promised.inputValue(), '10')
    await promised.fill('8')
    await promised.press('Tab')
    await selectElement(page, 'Task_Decide')
    await panel(page, 'sl-timeLimit', '.sl-duration-amount').fill('2')
    await panel(page, 'sl-timeLimit', '.sl-duration-amount').press('Tab')
    await page.locator('[data-testid=save-state]', { hasText: '未保存' }).waitFor()
    await deploy(page, 2)
    await page.locator('[data-testid=source-diagram] .djs-shape').first().waitFor()

    await page.locator('[data-testid=compare-power]').click()
    await page.waitForURL(/\/compare\?/)
    const difference = page.locator('[data-testid=diff-promisedLimit]')
    await difference.waitFor()
    assert.equal((await difference.innerText()).trim(), '−2 个工作日')
    assert.equal((await page.locator('[data-testid=before-promisedLimit]').innerText()).trim(), '10 个工作日')
    assert.match(await page.locator('[data-testid=compare-summary]').innerText(), /承诺时限由 10 个工作日\s*缩短为 8 个工作日/)
    await page.locator('[data-testid=after-diagram] .djs-element.sl-changed[data-element-id=Task_Decide]').waitFor()
    await page.locator('[data-testid=before-diagram] .djs-element.sl-changed[data-element-id=Task_Decide]').waitFor()
    // accept 1 + review 4 + decide 3 → 2 + deliver 1
    assert.equal((await page.locator('[data-testid=before-longestPath]').innerText()).trim(), '9 个工作日')
    assert.equal((await page.locator('[data-testid=diff-longestPath]').innerText()).trim(), '−1 个工作日')
  })
})

test('importing a file that is not BPMN shows the server message and creates nothing', { timeout: 120_000 }, async (t) => {
  await withPage(browser, t.name, async (page) => {
    await signIn(page, 'designer', 'demo', '/designer')
    await page.locator('[data-testid=designer-powers] tr.el-table__row').first().waitFor()
    const before = await page.locator('[data-testid=designer-powers] tr.el-table__row').count()
    await page.locator('[data-testid=import-file]').setInputFiles({
      name: 'evil.bpmn',
      mimeType: 'application/xml',
      buffer: Buffer.from('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>'),
    })
    const error = page.locator('[data-testid=wizard-error]')
    await error.waitFor()
    assert.match(await error.innerText(), /DOCTYPE/)
    assert.doesNotMatch(await error.innerText(), /root:/)
    assert.equal(await page.locator('[data-testid=wizard-open]').count(), 0)
    await page.keyboard.press('Escape')
    assert.equal(new URL(page.url()).pathname, '/designer')
    await page.reload()
    await page.locator('[data-testid=designer-powers] tr.el-table__row').first().waitFor()
    assert.equal(await page.locator('[data-testid=designer-powers] tr.el-table__row').count(), before)
  })
})

/** A file of the import corpus (src/test/resources/models/import), as the designer would pick it. */
function corpusFile(name) {
  return {
    name: `${name}.bpmn`,
    mimeType: 'application/xml',
    buffer: readFileSync(new URL(`../../src/test/resources/models/import/${name}.bpmn`, import.meta.url)),
  }
}

test('a Flowable file with two pools: pick one, read what changed, open it as a draft', { timeout: 120_000 }, async (t) => {
  await withPage(browser, t.name, async (page) => {
    await signIn(page, 'designer', 'demo', '/designer')
    await page.locator('[data-testid=designer-powers] tr.el-table__row').first().waitFor()
    await page.locator('[data-testid=import-file]').setInputFiles(corpusFile('flowable'))
    const processes = page.locator('[data-testid=wizard-processes]')
    await processes.waitFor()
    assert.match(await processes.innerText(), /建设用地规划许可/)
    assert.match(await processes.innerText(), /泳池：申请单位/)
    await page.locator('[data-testid=wizard-choose]').click()
    const notes = page.locator('[data-testid=wizard-notes]')
    await notes.waitFor()
    const text = await notes.innerText()
    assert.match(text, /泳池“县自然资源局”对应组织机构中的同名部门/)
    assert.match(text, /泳道“规划审查股”在组织机构中没有同名岗位/)
    assert.match(text, /未导入其他流程或泳池“申请单位”/)
    assert.match(text, /“网上公示”由服务任务改为人工办理环节/)
    assert.match(await page.locator('[data-testid=wizard-remaining]').innerText(), /还有 \d+ 项需要在设计器中补充/)
    await page.locator('[data-testid=wizard-open]').click()
    // A pool is the diagram's root here, so the panel opens on the collaboration, not the power.
    await page.waitForURL(/\/designer\/drafts\/[^/]+$/)
    await page.locator('[data-testid=modeler] .djs-element[data-element-id=review]').first().waitFor()
    await page.locator('[data-testid=modeler] .djs-element[data-element-id=laneReview]').first().waitFor()
    // The proposal still lacks what only the designer can say: the problem list names it.
    await page.locator('[data-testid=problem-error]').first().waitFor()
  })
})

test('an Activiti file without a diagram is laid out when it opens', { timeout: 120_000 }, async (t) => {
  await withPage(browser, t.name, async (page) => {
    await signIn(page, 'designer', 'demo', '/designer')
    await page.locator('[data-testid=designer-powers] tr.el-table__row').first().waitFor()
    await page.locator('[data-testid=import-file]').setInputFiles(corpusFile('activiti'))
    await page.locator('[data-testid=wizard-notes]').waitFor()
    assert.match(await page.locator('[data-testid=import-wizard]').innerText(), /文件没有图形信息，打开时将自动排版/)
    assert.match(await page.locator('[data-testid=wizard-notes]').innerText(), /删除了“计算假期天数”上会执行代码的 script/)
    await page.locator('[data-testid=wizard-open]').click()
    await openEditor(page)
    for (const id of ['usertask1', 'scripttask1', 'usertask2', 'servicetask1']) {
      await page.locator(`[data-testid=modeler] .djs-shape[data-element-id=${id}]`).first().waitFor()
    }
  })
})

test('two tabs saving the same draft: the second is refused, not overwritten', { timeout: 120_000 }, async (t) => {
  await withPage(browser, t.name, async (page) => {
    await signIn(page, 'designer', 'demo', '/designer')
    await page.locator('[data-testid=designer-powers] tr.el-table__row').first().waitFor()
    await page.locator('[data-testid=row-edit]').first().click()
    await openEditor(page)
    const url = page.url()
    const other = await page.context().newPage()
    await other.goto(url)
    await openEditor(other)

    for (const [tab, days] of [[page, '7'], [other, '9']]) {
      const statutory = panel(tab, 'sl-statutoryLimit', '.sl-duration-amount')
      await statutory.fill(days)
      await statutory.press('Tab')
    }
    await page.locator('[data-testid=save]').click()
    await page.locator('[data-testid=save-state]', { hasText: '已保存' }).waitFor()
    await other.locator('[data-testid=save]').click()
    const conflict = other.locator('.sl-conflict-dialog')
    await conflict.waitFor()
    assert.match(await conflict.innerText(), /没有覆盖/)
    await conflict.locator('.el-button--primary').click()
    await other.locator('[data-testid=save-state]', { hasText: '已保存' }).waitFor()
    // Reopened: the other tab's saved 7 days, not this tab's unsaved 9.
    await other.waitForFunction(
      () => document.querySelector('[data-entry-id="sl-statutoryLimit"] .sl-duration-amount')?.value === '7',
    )

    // Leaving with unsaved changes asks first.
    const statutory = panel(other, 'sl-statutoryLimit', '.sl-duration-amount')
    await statutory.fill('6')
    await statutory.press('Tab')
    await other.locator('text=返回列表').click()
    const ask = other.locator('.el-message-box', { hasText: '未保存的修改' })
    await ask.waitFor()
    await ask.locator('.el-button--primary').click()
    await other.waitForURL((u) => u.pathname === '/designer')
  })
})
