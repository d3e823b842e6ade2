/* eslint-disable @typescript-eslint/no-explicit-any */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { installSvgPolyfill } from '../testing/svg-polyfill'
import type Modeler from 'bpmn-js/lib/Modeler'
import fixture from './__fixtures__/seal-engraving.bpmn?raw'
import { extensionOf } from './context'

installSvgPolyfill()
// Loading bpmn-js and the panels takes seconds on a busy machine.
vi.setConfig({ testTimeout: 20_000, hookTimeout: 60_000 })

const organisation = {
  posts: [
    { id: 'seal-window', name: '刻章受理窗口' },
    { id: 'seal-leader', name: '分管领导' },
    { id: 'discipline-office', name: '纪检监察室' },
    { id: 'public-security-bureau', name: '公安局' },
  ],
  people: [
    { id: 'handler1', name: '经办人一' },
    { id: 'handler2', name: '经办人二' },
  ],
}

// The message key itself (with its arguments) stands in for the text.
const messages = (key: string, named?: Record<string, unknown>) => (named ? `${key} ${JSON.stringify(named)}` : key)

let modeler: Modeler
let panel: HTMLElement
let createModeler: typeof import('../designer').createModeler

beforeAll(async () => {
  ;({ createModeler } = await import('../designer'))
})

beforeEach(async () => {
  const container = document.createElement('div')
  panel = document.createElement('div')
  document.body.append(container, panel)
  modeler = createModeler({ container, panel, organisation, messages })
  await modeler.importXML(fixture)
  await settle()
})

afterEach(() => {
  modeler.destroy()
  document.body.innerHTML = ''
})

const get = (name: string): any => modeler.get(name)
const element = (id: string) => get('elementRegistry').get(id)
const bo = (id: string) => element(id).businessObject
const step = (id: string) => extensionOf(bo(id), 'sl:Step')
const power = () => extensionOf(bo('seal_engraving_permit'), 'sl:Power')

// Preact runs the panel's effects (its event listeners among them) after a frame, at most 35 ms,
// then one more timer; two rounds of waiting stay ahead of that even on a loaded machine.
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const settle = async () => {
  await wait(50)
  await wait(50)
}
const tick = settle

async function select(id: string) {
  get('selection').select(element(id))
  await tick()
}

function entry(id: string): HTMLElement {
  const found = panel.querySelector<HTMLElement>(`[data-entry-id="${id}"]`)
  if (!found) throw new Error(`no entry ${id} in the panel`)
  return found
}

function field<T extends HTMLElement = HTMLInputElement>(entryId: string, selector = 'input, select, textarea'): T {
  return entry(entryId).querySelector(selector) as T
}

async function change(target: HTMLInputElement | HTMLSelectElement, value: string) {
  target.value = value
  // The library's selects listen for input, the duration entry commits on change.
  target.dispatchEvent(new Event('input', { bubbles: true }))
  target.dispatchEvent(new Event('change', { bubbles: true }))
  await tick()
}

function groupIds(): string[] {
  return [...panel.querySelectorAll('[data-group-id]')].map((g) => g.getAttribute('data-group-id')!.replace(/^group-/, ''))
}

describe('the properties panel', () => {
  it('shows only what matters for a step: general, responsible, limit and supervision, risks, form', async () => {
    await select('Task_Accept')
    expect(groupIds()).toEqual(['general', 'sl-responsible', 'sl-step', 'sl-risks', 'CamundaPlatform__Form'])
  })

  it('shows the form fields of a step with a generated form', async () => {
    await select('Task_Form')
    expect(groupIds()).toContain('CamundaPlatform__FormData')
    expect(groupIds()).not.toContain('CamundaPlatform__UserAssignment')
    expect(groupIds()).not.toContain('CamundaPlatform__AsynchronousContinuations')
  })

  it('shows the power on the process and no step groups', async () => {
    await select('seal_engraving_permit')
    expect(groupIds()).toContain('sl-power')
    expect(groupIds()).not.toContain('sl-step')
    expect(groupIds()).not.toContain('CamundaPlatform__HistoryCleanup')
  })
})

describe('sl:power entries', () => {
  beforeEach(() => select('seal_engraving_permit'))

  it('should display the limits as amounts with units', () => {
    expect(field('sl-statutoryLimit', '.sl-duration-amount').value).toBe('5')
    expect(field<HTMLSelectElement>('sl-statutoryLimit', 'select').value).toBe('D')
    expect(field('sl-promisedLimit', '.sl-duration-amount').value).toBe('3')
    expect(field<HTMLSelectElement>('sl-category').value).toBe('CONFIRMATION')
    expect(field<HTMLSelectElement>('sl-calendar').value).toBe('workday')
    expect(field('sl-public').checked).toBe(true)
  })

  it('should update the promised limit, and undo restores it', async () => {
    await change(field('sl-promisedLimit', '.sl-duration-amount'), '2')
    expect(power().get('promisedLimit')).toBe('P2D')
    await change(field<HTMLSelectElement>('sl-promisedLimit', 'select'), 'H')
    expect(power().get('promisedLimit')).toBe('PT2H')
    get('commandStack').undo()
    get('commandStack').undo()
    expect(power().get('promisedLimit')).toBe('P3D')
    get('commandStack').redo()
    expect(power().get('promisedLimit')).toBe('P2D')
  })

  it('should update the category and the calendar from their pickers', async () => {
    await change(field<HTMLSelectElement>('sl-category'), 'LICENSING')
    await change(field<HTMLSelectElement>('sl-calendar'), 'natural')
    expect(power().get('category')).toBe('LICENSING')
    expect(power().get('calendar')).toBe('natural')
    expect(entry('sl-promisedLimit').textContent).toContain('designer.panel.naturalDays')
  })

  it('should update on external change', async () => {
    get('modeling').updateModdleProperties(element('seal_engraving_permit'), power(), { statutoryLimit: 'P20D' })
    await tick()
    expect(field('sl-statutoryLimit', '.sl-duration-amount').value).toBe('20')
  })
})

describe('sl:step entries', () => {
  it('should display the time limit, warning, supervisor and risk level', async () => {
    await select('Task_Accept')
    expect(field('sl-timeLimit', '.sl-duration-amount').value).toBe('1')
    expect(field<HTMLSelectElement>('sl-timeLimit', 'select').value).toBe('D')
    expect(field('sl-warnBefore', '.sl-duration-amount').value).toBe('4')
    expect(field<HTMLSelectElement>('sl-warnBefore', 'select').value).toBe('H')
    expect(field<HTMLSelectElement>('sl-supervisor').value).toBe('group:discipline-office')
    expect(field<HTMLSelectElement>('sl-riskLevel').value).toBe('3')
  })

  it('offers the organisation as supervisors, never a typed id', async () => {
    await select('Task_Accept')
    const options = [...field<HTMLSelectElement>('sl-supervisor').options].map((o) => o.value)
    expect(options).toEqual(expect.arrayContaining(['group:discipline-office', 'group:seal-window', 'user:handler1']))
    expect(entry('sl-supervisor').querySelector('input')).toBeNull()
  })

  it('should update the time limit and the supervisor, each undoable', async () => {
    await select('Task_Accept')
    await change(field('sl-timeLimit', '.sl-duration-amount'), '3')
    await change(field<HTMLSelectElement>('sl-supervisor'), 'user:handler1')
    expect(step('Task_Accept').get('timeLimit')).toBe('P3D')
    expect(step('Task_Accept').get('supervisor')).toBe('user:handler1')
    get('commandStack').undo()
    expect(step('Task_Accept').get('supervisor')).toBe('group:discipline-office')
    get('commandStack').undo()
    expect(step('Task_Accept').get('timeLimit')).toBe('P1D')
  })

  it('creates sl:step on a task without one in a single undoable command', async () => {
    await select('Task_Decide')
    expect(step('Task_Decide')).toBeUndefined()
    await change(field('sl-timeLimit', '.sl-duration-amount'), '5')
    expect(step('Task_Decide').get('timeLimit')).toBe('P5D')
    get('commandStack').undo()
    expect(step('Task_Decide')).toBeUndefined()
  })

  it('should update on external change', async () => {
    await select('Task_Accept')
    get('modeling').updateModdleProperties(element('Task_Accept'), step('Task_Accept'), { timeLimit: 'PT6H' })
    await tick()
    expect(field('sl-timeLimit', '.sl-duration-amount').value).toBe('6')
    expect(field<HTMLSelectElement>('sl-timeLimit', 'select').value).toBe('H')
  })

  it('refuses a zero limit by removing it rather than writing P0D', async () => {
    await select('Task_Accept')
    await change(field('sl-timeLimit', '.sl-duration-amount'), '0')
    expect(step('Task_Accept').get('timeLimit')).toBeUndefined()
  })
})

describe('the responsible person', () => {
  it('should display the post and the named person from the organisation', async () => {
    await select('Task_Accept')
    expect(field<HTMLSelectElement>('sl-post-0').value).toBe('seal-window')
    expect(field<HTMLSelectElement>('sl-assignee').value).toBe('')
    await select('Task_Decide')
    expect(field<HTMLSelectElement>('sl-assignee').value).toBe('handler2')
  })

  it('should add, replace and remove posts', async () => {
    await select('Task_Accept')
    await change(field<HTMLSelectElement>('sl-post-add'), 'seal-leader')
    expect(bo('Task_Accept').get('camunda:candidateGroups')).toBe('seal-window,seal-leader')
    await change(field<HTMLSelectElement>('sl-post-0'), '')
    expect(bo('Task_Accept').get('camunda:candidateGroups')).toBe('seal-leader')
    get('commandStack').undo()
    expect(bo('Task_Accept').get('camunda:candidateGroups')).toBe('seal-window,seal-leader')
  })

  it('should update on external change', async () => {
    await select('Task_Accept')
    get('modeling').updateProperties(element('Task_Accept'), { 'camunda:assignee': 'handler1' })
    await tick()
    expect(field<HTMLSelectElement>('sl-assignee').value).toBe('handler1')
  })
})

describe('risk points', () => {
  it('should display each risk point with its measure', async () => {
    await select('Task_Accept')
    expect(field('sl-risk-0-code').value).toBe('R-SEAL-01')
    expect(field<HTMLSelectElement>('sl-risk-0-level').value).toBe('3')
    expect(field<HTMLTextAreaElement>('sl-risk-0-measure', 'textarea').value).toBe('一次性告知，受理结果系统留痕')
  })

  it('should add a risk point to a task without sl:step and remove it again', async () => {
    await select('Task_Decide')
    ;(panel.querySelector('[data-group-id="group-sl-risks"] .bio-properties-panel-add-entry') as HTMLElement).click()
    await tick()
    expect(step('Task_Decide').get('risks')).toHaveLength(1)
    get('commandStack').undo()
    expect(step('Task_Decide')).toBeUndefined()
    get('commandStack').redo()
    await tick()
    expect(step('Task_Decide').get('risks')).toHaveLength(1)
    await change(field<HTMLSelectElement>('sl-risk-0-level'), '1')
    expect(step('Task_Decide').get('risks')[0].get('level')).toBe(1)
    ;(entry('sl-risk-0-level').closest('.bio-properties-panel-list-item, .bio-properties-panel-collapsible-entry')!
      .querySelector('.bio-properties-panel-remove-entry') as HTMLElement | null)?.click()
    await tick()
    expect(step('Task_Decide').get('risks')).toHaveLength(0)
  })

  it('should update on external change', async () => {
    await select('Task_Accept')
    const risk = step('Task_Accept').get('risks')[0]
    get('modeling').updateModdleProperties(element('Task_Accept'), risk, { level: 1 })
    await tick()
    expect(field<HTMLSelectElement>('sl-risk-0-level').value).toBe('1')
  })
})
