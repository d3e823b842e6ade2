// bpmn-moddle publishes types only under `bpmn-moddle/types`; its entry point has none.
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string
    $attrs: Record<string, string>
    get(name: string): unknown
    set(name: string, value: unknown): void
    [key: string]: unknown
  }

  export interface ParseResult {
    rootElement: ModdleElement
    warnings: Array<{ message: string }>
  }

  export interface Moddle {
    fromXML(xml: string, typeName?: string): Promise<ParseResult>
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>
    create(type: string, attrs?: Record<string, unknown>): ModdleElement
  }

  /** A factory, callable with or without `new`, that adds the given packages to BPMN's. */
  export const BpmnModdle: {
    new (packages?: Record<string, unknown>): Moddle
    (packages?: Record<string, unknown>): Moddle
  }
}

declare module 'camunda-bpmn-moddle/resources/camunda.json' {
  const descriptor: Record<string, unknown>
  export default descriptor
}
