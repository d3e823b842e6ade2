// Shared helpers for the browser tests: run with `npm run e2e` against a running server
// (SUNLIGHT_BASE_URL, default http://localhost:8080). The tests never start a server.
import { existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import assert from 'node:assert/strict'
import { chromium } from 'playwright-core'

export const baseUrl = (process.env.SUNLIGHT_BASE_URL || 'http://localhost:8080').replace(/\/+$/, '')

export const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url))

const chromiumCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  const found = chromiumCandidates.find((candidate) => existsSync(candidate))
  if (!found) {
    throw new Error(`no Chromium found at ${chromiumCandidates.join(', ')}; install Debian's chromium or set CHROMIUM_PATH`)
  }
  return found
}

/** A headless Chromium with its own temporary profile (Playwright makes and removes it). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

function fileName(name) {
  return name.replace(/[^\w.-]+/g, '_').slice(0, 120)
}

// Reports every Content-Security-Policy violation of a page to the console, where withPage sees it.
export const reportViolations = () =>
  document.addEventListener('securitypolicyviolation', (event) =>
    console.error(`CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} ` +
      `at ${event.sourceFile}:${event.lineNumber} ${event.sample}`))

/** A console listener that keeps the CSP violations (ours and Chromium's own messages). */
export function collectViolations(violations) {
  return (message) => {
    if (/CSP violation|Content Security Policy/.test(message.text())) violations.push(message.text())
  }
}

/**
 * Runs `body(page)` in a fresh browser context at 1366×768 (or `viewport`) in Chinese. On failure it saves a
 * screenshot as e2e/screenshots/<name>.png and adds the page's console errors to the message.
 * Any Content-Security-Policy violation on any page of the test fails it, after the body ran.
 */
export async function withPage(browser, name, body, { locale = 'zh-CN', viewport = { width: 1366, height: 768 } } = {}) {
  const context = await browser.newContext({ viewport, locale, baseURL: baseUrl })
  context.setDefaultTimeout(20_000)
  await context.addInitScript(reportViolations)
  const page = await context.newPage()
  const problems = []
  const violations = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  page.on('console', collectViolations(violations))
  try {
    await body(page)
    assert.deepEqual(violations, [], 'the pages broke their Content-Security-Policy')
  } catch (error) {
    mkdirSync(screenshotDir, { recursive: true })
    const file = `${screenshotDir}${fileName(name)}.png`
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined)
    const where = `at ${page.url()}; screenshot ${file}`
    error.message = [error.message, where, ...problems].join('\n  ')
    throw error
  } finally {
    await context.close()
  }
}

/** Signs in through the login page, as a person would, and waits to leave it. */
export async function signIn(page, username, password = 'demo', path = '/catalog') {
  await page.goto(`/login?redirect=${encodeURIComponent(path)}`)
  await page.locator('[data-testid=login-username] input').fill(username)
  await page.locator('[data-testid=login-password] input').fill(password)
  await page.locator('[data-testid=login-submit]').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  await page.locator('[data-testid=current-user]').waitFor()
}

// The JSON API and the browser IT's test-only engine clock (absent from a plain java -jar server).
/** The JSON API as a client with HTTP Basic (no CSRF token needed). */
export async function api(method, path, user, body, password = 'demo') {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
      Accept: 'application/json, application/problem+json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : undefined }
}

/** A land-use case started by handler1 with its acceptance step claimed, through the API. */
export async function claimedCase(applicant) {
  const started = await api('POST', '/api/cases', 'handler1', { powerCode: 'XK-LAND-001', applicant: { name: applicant } })
  assert.equal(started.status, 201, JSON.stringify(started.body))
  const tasks = await api('GET', '/api/tasks?scope=candidate', 'handler1')
  const task = tasks.body.find((t) => t.caseId === started.body.caseId)
  assert.ok(task, 'the acceptance step is offered to handler1')
  assert.equal((await api('POST', `/api/tasks/${task.taskId}/claim`, 'handler1')).status, 204)
  return { ...started.body, taskId: task.taskId, deadline: task.deadline }
}

export async function setClock(at) {
  const response = await fetch(`${baseUrl}/test-support/clock?at=${encodeURIComponent(at)}`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from('admin:demo').toString('base64')}` },
  })
  return response.ok
}

export async function resetClock() {
  await fetch(`${baseUrl}/test-support/clock`, {
    method: 'DELETE',
    headers: { Authorization: `Basic ${Buffer.from('admin:demo').toString('base64')}` },
  }).catch(() => undefined)
}

export async function runDueTimers() {
  const response = await fetch(`${baseUrl}/test-support/jobs/due`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from('admin:demo').toString('base64')}` },
  })
  assert.ok(response.ok, 'the due timers ran')
}

