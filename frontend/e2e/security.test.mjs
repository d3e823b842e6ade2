import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { baseUrl, collectViolations, launchBrowser, reportViolations, signIn, withPage } from './support.mjs'

// The main screens under the app's Content-Security-Policy (withPage fails on any violation), and
// a model whose source carries an XHTML <script>: served, opened and drawn, it never runs.

let browser

before(async () => {
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
})

const basic = (user) => `Basic ${Buffer.from(`${user}:demo`).toString('base64')}`

async function settle(page, selector) {
  await page.locator(selector).first().waitFor()
  // Lazy parts (icons, charts, the panel's entries) render just after; violations come with them.
  await page.waitForTimeout(700)
}

test('the violation watch sees an inline script and style, which the CSP blocks', { timeout: 60_000 }, async () => {
  const context = await browser.newContext({ baseURL: baseUrl })
  await context.addInitScript(reportViolations)
  const page = await context.newPage()
  const violations = []
  page.on('console', collectViolations(violations))
  try {
    await page.goto('/login')
    await page.locator('[data-testid=login-username]').waitFor()
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__inline = 1'
      document.head.append(script)
      const style = document.createElement('style')
      style.textContent = 'body { background: red }'
      document.head.append(style)
    })
    await page.waitForTimeout(500)
    assert.equal(await page.evaluate(() => window.__inline), undefined, 'the inline script ran')
    assert.ok(violations.some((v) => /script-src/.test(v)), `no script violation seen: ${violations}`)
    assert.ok(violations.some((v) => /style-src/.test(v)), `no style violation seen: ${violations}`)
  } finally {
    await context.close()
  }
})

test('the catalog, the designer with its properties panel, the tasks and the console keep the CSP', { timeout: 180_000 }, async (t) => {
  const document = await fetch(`${baseUrl}/catalog`, { headers: { Accept: 'text/html' } })
  const policy = document.headers.get('content-security-policy') ?? ''
  assert.match(policy, /script-src 'self'(;|$)/)
  assert.match(policy, /object-src 'none'/)

  await withPage(browser, `${t.name} (designer)`, async (page) => {
    await signIn(page, 'designer', 'demo', '/catalog')
    await settle(page, '[data-testid=power-table] tr.el-table__row')
    await page.locator('[data-testid=power-link]').first().click()
    await settle(page, '.djs-shape')
    await page.goto('/designer')
    await settle(page, '[data-testid=designer-powers] tr.el-table__row')
    const xml = readFileSync(new URL('../../processes/land-use-approval.bpmn', import.meta.url), 'utf8')
      .replaceAll('XK-LAND-001', `E2E-CSP-${Date.now().toString(36).toUpperCase()}`)
    const created = await fetch(`${baseUrl}/api/designer/drafts`, {
      method: 'POST',
      headers: { Authorization: basic('designer'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ xml }),
    })
    assert.equal(created.status, 201, await created.clone().text())
    const draft = await created.json()
    await page.goto(`/designer/drafts/${draft.id}`)
    await settle(page, '[data-testid=properties-panel] [data-entry-id="sl-code"]')
    await page.locator('[data-testid=modeler] .djs-element[data-element-id="Task_PreliminaryReview"]').first().click()
    await settle(page, '[data-testid=properties-panel] [data-entry-id="sl-timeLimit"]')
    // The context pad and the palette's popup menus draw their icons with style attributes.
    await page.keyboard.press('Escape')
    await fetch(`${baseUrl}/api/designer/drafts/${draft.id}?revision=${draft.revision}`, {
      method: 'DELETE',
      headers: { Authorization: basic('designer') },
    })
  })

  await withPage(browser, `${t.name} (handler)`, async (page) => {
    await signIn(page, 'handler1', 'demo', '/tasks')
    await settle(page, '[data-testid=current-user]')
    await page.goto('/tasks/new')
    await settle(page, '[data-testid=current-user]')
  })

  await withPage(browser, `${t.name} (supervisor)`, async (page) => {
    await signIn(page, 'supervisor', 'demo', '/console')
    for (const path of ['/console', '/console/escalations', '/console/statistics', '/console/evaluation', '/console/heatmap']) {
      await page.goto(path)
      await settle(page, '[data-testid=current-user]')
    }
  })
})

test('a script in a model\'s extensionElements never runs, whether the model is opened, rendered or drawn', { timeout: 120_000 }, async (t) => {
  const code = `E2E-XSS-${Date.now().toString(36).toUpperCase()}`
  const payload = `<script xmlns="http://www.w3.org/1999/xhtml">window.__xss = 'ran'; fetch('/xss-beacon?' + encodeURIComponent(document.cookie))</script>`
  const xml = readFileSync(new URL('../../processes/land-use-approval.bpmn', import.meta.url), 'utf8')
    .replaceAll('XK-LAND-001', code)
    .replaceAll('land_use_approval', `e2e_xss_${Date.now().toString(36)}`)
    .replace(/(<sl:power [^>]*\/>)/, `$1\n      ${payload}`)
  assert.ok(xml.includes(payload))

  const context = await browser.newContext({ baseURL: baseUrl, acceptDownloads: true })
  context.setDefaultTimeout(20_000)
  const beacons = []
  await context.route('**/xss-beacon**', (route) => {
    beacons.push(route.request().url())
    return route.fulfill({ status: 204 })
  })
  const page = await context.newPage()
  const beaconWithin = async (ms) => {
    const deadline = Date.now() + ms
    while (Date.now() < deadline && beacons.length === 0) await page.waitForTimeout(100)
    return beacons.length > 0
  }
  try {
    // The payload is live: the same XML served plainly from the app's origin runs in Chromium.
    await page.route('**/xss-control.xml', (route) => route.fulfill({ status: 200, contentType: 'application/xml', body: xml }))
    await page.goto('/xss-control.xml')
    assert.ok(await beaconWithin(5_000), 'the control page ran the script')
    beacons.length = 0

    await signIn(page, 'designer', 'demo', '/catalog')
    let deployed = await fetch(`${baseUrl}/api/models`, {
      method: 'POST',
      headers: { Authorization: basic('designer'), 'Content-Type': 'application/xml' },
      body: xml,
    })
    t.diagnostic(`submitting the model with a script answered ${deployed.status}`)
    if (deployed.status === 202) {
      // Review (法制审核): a second person makes the version live.
      const { version } = await deployed.json()
      deployed = await fetch(`${baseUrl}/api/powers/${code}/versions/${version}/approve`, {
        method: 'POST',
        headers: { Authorization: basic('reviewer'), 'Content-Type': 'application/json' },
        body: '{}',
      })
      assert.equal(deployed.status, 200, 'the reviewer approved the version')
    }
    const served = await fetch(`${baseUrl}/api/powers/${code}/bpmn`, { headers: { Authorization: basic('designer') } })
    if (![200, 201].includes(deployed.status)) {
      // A validator that refuses such a model stores nothing, so nothing can be served.
      assert.ok([400, 422].includes(deployed.status), `deploying answered ${deployed.status}`)
      assert.equal(served.status, 404)
      return
    }
    assert.equal(served.status, 200)
    assert.ok((await served.text()).includes('__xss'), 'the source is served as drawn')
    assert.match(served.headers.get('content-disposition') ?? '', /^attachment/)
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff')
    assert.match(served.headers.get('content-security-policy') ?? '', /^sandbox; default-src 'none'/)

    // Opened by address: a file to save, never a page.
    const download = page.waitForEvent('download', { timeout: 10_000 })
    await page.goto(`/api/powers/${code}/bpmn`).catch((error) => assert.match(error.message, /download/i))
    await (await download).cancel()
    assert.equal(await beaconWithin(1_500), false, 'the downloaded model ran its script')

    // Rendered anyway (a browser that ignored the attachment): the sandbox keeps the script dead.
    await page.route(`**/api/powers/${code}/bpmn?render`, async (route) => {
      const response = await route.fetch({ url: `${baseUrl}/api/powers/${code}/bpmn` })
      const headers = { ...response.headers() }
      delete headers['content-disposition']
      await route.fulfill({ response, headers })
    })
    const rendered = await page.goto(`/api/powers/${code}/bpmn?render`)
    assert.equal(rendered.status(), 200)
    assert.equal(await beaconWithin(1_500), false, 'the rendered model ran its script')

    // Drawn by the app: bpmn-js reads the XML as data.
    await page.goto(`/catalog/${code}`)
    await page.locator('.djs-shape').first().waitFor()
    assert.equal(await page.evaluate(() => window.__xss), undefined)
    assert.equal(await beaconWithin(1_000), false, 'the catalog page ran the model\'s script')
  } finally {
    await context.close()
  }
})
