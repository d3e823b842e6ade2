import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer'
import type Canvas from 'diagram-js/lib/core/Canvas'
import type EventBus from 'diagram-js/lib/core/EventBus'
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry'
import type { Element } from 'diagram-js/lib/model/Types'
import camunda from 'camunda-bpmn-moddle/resources/camunda.json'
import sl from './descriptors/sl.json'
import 'bpmn-js/dist/assets/diagram-js.css'
import 'bpmn-js/dist/assets/bpmn-js.css'
import './flowchart.css'

const selectedMarker = 'sl-selected'
const riskMarkers = ['sl-risk-1', 'sl-risk-2', 'sl-risk-3']

export interface FlowchartOptions {
  /** Called with the id of the element clicked in the diagram, or null for the empty canvas. */
  onSelect?: (elementId: string | null) => void
}

/**
 * A read-only, pannable and zoomable flowchart of one power. Keeps its selection and risk
 * colours across re-imports (for example when switching to the compiled diagram).
 */
export class Flowchart {
  private readonly viewer: NavigatedViewer
  private readonly resizeObserver: ResizeObserver | undefined
  private selected: string | null = null
  private riskLevels: Record<string, number> = {}
  private markers: Record<string, string> = {}
  private notes: Record<string, string> = {}

  constructor(container: HTMLElement, options: FlowchartOptions = {}) {
    this.viewer = new NavigatedViewer({ container, moddleExtensions: { sl, camunda } })
    this.eventBus.on('element.click', (event: { element: Element }) => {
      const element = event.element
      options.onSelect?.(element.parent ? element.id : null)
    })
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => this.canvas.resized())
      this.resizeObserver.observe(container)
    }
  }

  private get canvas(): Canvas {
    return this.viewer.get<Canvas>('canvas')
  }

  private get eventBus(): EventBus {
    return this.viewer.get<EventBus>('eventBus')
  }

  private get registry(): ElementRegistry {
    return this.viewer.get<ElementRegistry>('elementRegistry')
  }

  /** Draws the diagram, fitted to the container; resolves with the import warnings. */
  async show(xml: string): Promise<string[]> {
    const { warnings } = await this.viewer.importXML(xml)
    this.fit()
    this.applyRiskMarkers()
    this.applyMarkers()
    this.applyNotes()
    if (this.selected) this.select(this.selected, false)
    return warnings.map((w: unknown) => String((w as { message?: string }).message ?? w))
  }

  has(elementId: string): boolean {
    return Boolean(this.registry.get(elementId))
  }

  /** Marks one element (or none) and scrolls it into view. */
  select(elementId: string | null, scroll = true) {
    if (this.selected && this.registry.get(this.selected)) this.canvas.removeMarker(this.selected, selectedMarker)
    this.selected = elementId
    if (!elementId || !this.registry.get(elementId)) return
    this.canvas.addMarker(elementId, selectedMarker)
    if (scroll) this.canvas.scrollToElement(elementId, 80)
  }

  /** Colours steps by risk level: 1 red, 2 orange, 3 yellow. */
  setRiskLevels(levels: Record<string, number>) {
    this.riskLevels = levels
    this.applyRiskMarkers()
  }

  private applyRiskMarkers() {
    for (const { id } of this.registry.getAll()) {
      for (const marker of riskMarkers) {
        if (this.canvas.hasMarker(id, marker)) this.canvas.removeMarker(id, marker)
      }
    }
    for (const [id, level] of Object.entries(this.riskLevels)) {
      if (this.registry.get(id) && level >= 1 && level <= 3) this.canvas.addMarker(id, `sl-risk-${level}`)
    }
  }

  /**
   * Adds one CSS class per element (for example `sl-lamp-red` on a case's current step); the
   * previous set is removed first.
   */
  setMarkers(markers: Record<string, string>) {
    for (const [id, marker] of Object.entries(this.markers)) {
      if (this.registry.get(id)) this.canvas.removeMarker(id, marker)
    }
    this.markers = markers
    this.applyMarkers()
  }

  private applyMarkers() {
    for (const [id, marker] of Object.entries(this.markers)) {
      if (this.registry.get(id)) this.canvas.addMarker(id, marker)
    }
  }

  /** A short note under each named element (for example how long a finished step took). */
  setNotes(notes: Record<string, string>) {
    this.notes = notes
    this.applyNotes()
  }

  private applyNotes() {
    const overlays = this.viewer.get<{
      remove: (filter: { type: string }) => void
      add: (id: string, type: string, overlay: { position: { bottom: number; left: number }; html: HTMLElement }) => void
    }>('overlays')
    overlays.remove({ type: 'sl-note' })
    for (const [id, text] of Object.entries(this.notes)) {
      if (!this.registry.get(id)) continue
      const note = document.createElement('div')
      note.className = 'sl-note'
      note.textContent = text
      overlays.add(id, 'sl-note', { position: { bottom: 14, left: 0 }, html: note })
    }
  }

  /** Fits and centres the whole diagram; diagram-js accepts 'auto' where its types say Point. */
  fit() {
    const zoom = this.canvas.zoom.bind(this.canvas) as unknown as (scale: 'fit-viewport', center: 'auto') => number
    zoom('fit-viewport', 'auto')
  }

  destroy() {
    this.resizeObserver?.disconnect()
    this.viewer.destroy()
  }
}
