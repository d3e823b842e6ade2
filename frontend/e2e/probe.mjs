import { launchBrowser, signIn, withPage } from './support.mjs'
const browser = await launchBrowser()
await withPage(browser, 'probe', async (page) => {
  await signIn(page, 'designer', 'demo', '/designer')
  await page.locator('[data-testid=designer-powers] tr.el-table__row').first().waitFor()
  await page.screenshot({ path: '/tmp/designer-home.png' })
  await page.locator('[data-testid=row-edit]').nth(2).click()
  await page.locator('[data-testid=modeler] .djs-shape').first().waitFor()
  await page.waitForTimeout(1500)
  await page.locator('[data-testid=modeler] .djs-element[data-element-id^="Task_"]').first().click()
  await page.waitForTimeout(800)
  await page.screenshot({ path: '/tmp/designer-editor.png' })
}, { locale: 'en' })
await browser.close()
