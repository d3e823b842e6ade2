/* eslint-disable @typescript-eslint/no-explicit-any */
import Modeler from 'bpmn-js/lib/Modeler'
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel'
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform'
import camunda from 'camunda-bpmn-moddle/resources/camunda.json'
import sl from './descriptors/sl.json'
import SunlightPropertiesModule from './sunlight'
import type { PickerOrganisation, SlMessages } from './sunlight/context'
import 'bpmn-js/dist/assets/diagram-js.css'
import 'bpmn-js/dist/assets/bpmn-js.css'
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css'
import '@bpmn-io/properties-panel/assets/properties-panel.css'
import './designer.css'

export interface DesignerOptions {
  container: HTMLElement
  panel: HTMLElement
  organisation: PickerOrganisation
  messages: SlMessages
  /** bpmn-io's own labels ("Name", "Form fields") in the UI language. */
  translate?: (template: string) => string
}

export interface ProblemMarker {
  elementId: string | null
  severity: 'ERROR' | 'WARNING'
  message: string
}

/**
 * The bpmn-js Modeler with the properties panel reduced to what a Sunlight designer needs (see
 * SunlightPropertiesProvider), Camunda's behaviours, and the `sl:` and `camunda:` descriptors.
 * Keyboard shortcuts are bpmn-js's own (diagram-js binds them to the page implicitly).
 */
export function createModeler(options: DesignerOptions): Modeler {
  const translateModule = options.translate
    ? {
        translate: [
          'value',
          (template: string, replacements?: Record<string, string>) =>
            options.translate!(template).replace(/{([^}]+)}/g, (_, key) => replacements?.[key] ?? `{${key}}`),
        ],
      }
    : undefined
  return new Modeler({
    container: options.container,
    propertiesPanel: {
      parent: options.panel,
      // The four clarities are what a designer comes for: their groups start open.
      layout: {
        open: true,
        groups: Object.fromEntries(['sl-power', 'sl-responsible', 'sl-step', 'sl-risks'].map((id) => [id, { open: true }])),
      },
    },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaBehaviorsModule,
      SunlightPropertiesModule,
      { slOrganisation: ['value', options.organisation], slMessages: ['value', options.messages] },
      ...(translateModule ? [translateModule] : []),
    ] as any[],
    moddleExtensions: { camunda, sl },
  })
}

const problemMarkers = ['sl-problem-error', 'sl-problem-warning']

/** Marks every element with a problem (errors win over warnings); returns the ids it could mark. */
export function markProblems(modeler: Modeler, problems: ProblemMarker[]): Set<string> {
  const canvas: any = modeler.get('canvas')
  const registry: any = modeler.get('elementRegistry')
  for (const element of registry.getAll()) {
    for (const marker of problemMarkers) canvas.removeMarker(element, marker)
  }
  const marked = new Set<string>()
  const rootId = canvas.getRootElement()?.id
  for (const problem of problems) {
    const id = problem.elementId && registry.get(problem.elementId) ? problem.elementId : null
    if (!id || id === rootId) continue
    const marker = problem.severity === 'ERROR' ? 'sl-problem-error' : 'sl-problem-warning'
    if (marker === 'sl-problem-warning' && canvas.hasMarker(id, 'sl-problem-error')) continue
    if (marker === 'sl-problem-error') canvas.removeMarker(id, 'sl-problem-warning')
    canvas.addMarker(id, marker)
    marked.add(id)
  }
  return marked
}

/** Selects an element (the process when the id is the root's or unknown) and scrolls to it. */
export function focusElement(modeler: Modeler, elementId: string | null) {
  const canvas: any = modeler.get('canvas')
  const registry: any = modeler.get('elementRegistry')
  const selection: any = modeler.get('selection')
  const element = (elementId && registry.get(elementId)) || null
  const root = canvas.getRootElement()
  if (!element || element === root) {
    selection.select(root)
    return
  }
  selection.select(element)
  if (element.waypoints || element.width) canvas.scrollToElement(element, 80)
}
