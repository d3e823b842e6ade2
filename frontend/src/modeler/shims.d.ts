// The bpmn-io properties panels and Camunda behaviours publish no TypeScript types.
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: unknown
  export const BpmnPropertiesProviderModule: unknown
  export const CamundaPlatformPropertiesProviderModule: unknown
  export function useService<T = any>(name: string, strict?: boolean): T
}

declare module '@bpmn-io/properties-panel' {
  import type { FunctionComponent } from '@bpmn-io/properties-panel/preact'
  export const Group: FunctionComponent<any>
  export const ListGroup: FunctionComponent<any>
  export const TextFieldEntry: FunctionComponent<any>
  export const TextAreaEntry: FunctionComponent<any>
  export const SelectEntry: FunctionComponent<any>
  export const CheckboxEntry: FunctionComponent<any>
  export const NumberFieldEntry: FunctionComponent<any>
  export function isTextFieldEntryEdited(node: unknown): boolean
  export function isTextAreaEntryEdited(node: unknown): boolean
  export function isSelectEntryEdited(node: unknown): boolean
  export function isCheckboxEntryEdited(node: unknown): boolean
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-platform' {
  const module: unknown
  export default module
}

declare module 'bpmn-auto-layout' {
  /** Lays out the first process of the BPMN XML and answers it with a diagram (bpmn.io's layouter). */
  export function layoutProcess(xml: string): Promise<string>
}
