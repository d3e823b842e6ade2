/* eslint-disable @typescript-eslint/no-explicit-any */
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil'

/** The organisation the pickers offer: posts (groups) and people (users). */
export interface PickerOrganisation {
  posts: Array<{ id: string; name: string; type?: string | null }>
  people: Array<{ id: string; name: string }>
}

/** Looks up a UI message (vue-i18n's `t`), so the panel speaks the app's language. */
export type SlMessages = (key: string, named?: Record<string, unknown>) => string

export type BpmnElement = any
export type Moddle = any

/** The process a root or pool stands for, where `sl:power` lives. */
export function processOf(element: BpmnElement): Moddle | undefined {
  const bo = getBusinessObject(element)
  if (is(element, 'bpmn:Process')) return bo
  if (is(element, 'bpmn:Participant')) return bo.get('processRef')
  return undefined
}

export function extensionOf(bo: Moddle | undefined, type: string): Moddle | undefined {
  const values: Moddle[] = bo?.get('extensionElements')?.get('values') ?? []
  return values.find((value) => is(value, type))
}

/**
 * Sets properties of a `sl:` extension of `bo`, creating the extension (and the
 * extensionElements holding it) when absent, as one command: one undo step.
 */
export function writeExtension(injector: any, element: BpmnElement, bo: Moddle, type: string, properties: Record<string, unknown>) {
  const existing = extensionOf(bo, type)
  if (existing) {
    injector.get('modeling').updateModdleProperties(element, existing, properties)
    return
  }
  const bpmnFactory = injector.get('bpmnFactory')
  const commands: unknown[] = []
  let extensionElements = bo.get('extensionElements')
  if (!extensionElements) {
    extensionElements = bpmnFactory.create('bpmn:ExtensionElements', { values: [] })
    extensionElements.$parent = bo
    commands.push({
      cmd: 'element.updateModdleProperties',
      context: { element, moddleElement: bo, properties: { extensionElements } },
    })
  }
  const created = bpmnFactory.create(type, definedOnly(properties))
  created.$parent = extensionElements
  commands.push({
    cmd: 'element.updateModdleProperties',
    context: {
      element,
      moddleElement: extensionElements,
      properties: { values: [...extensionElements.get('values'), created] },
    },
  })
  injector.get('commandStack').execute('properties-panel.multi-command-executor', commands)
}

function definedOnly(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined))
}

/** The options of a picker, keeping a current value the organisation does not know (shown as such). */
export function withCurrent(
  options: Array<{ value: string; label: string }>,
  current: string | undefined,
  unknownLabel: (value: string) => string,
) {
  if (current && !options.some((option) => option.value === current)) {
    return [...options, { value: current, label: unknownLabel(current) }]
  }
  return options
}

export function commaList(text: string | undefined | null): string[] {
  return (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
}
