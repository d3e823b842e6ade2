/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  CheckboxEntry,
  Group,
  ListGroup,
  SelectEntry,
  TextAreaEntry,
  TextFieldEntry,
  isCheckboxEntryEdited,
  isSelectEntryEdited,
  isTextAreaEntryEdited,
  isTextFieldEntryEdited,
} from '@bpmn-io/properties-panel'
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil'
import { categories } from '@/api/powers/types'
import { DurationEntry, isDurationEdited } from './DurationEntry'
import type { DurationUnit } from './duration'
import {
  commaList,
  extensionOf,
  processOf,
  withCurrent,
  writeExtension,
  type BpmnElement,
  type Moddle,
  type PickerOrganisation,
  type SlMessages,
} from './context'

/** The groups of the standard providers a designer needs; everything else Camunda offers is hidden. */
export const KEPT_GROUPS = ['general', 'CamundaPlatform__Condition', 'CamundaPlatform__Form', 'CamundaPlatform__FormData']

const PRIORITY = 100

/**
 * The Sunlight properties: `sl:power` on the process, the responsible person picked from the
 * organisation, `sl:step` with its risk points on user tasks. Registered after the bpmn and Camunda
 * providers, it also removes their groups that do not matter here. Every write goes through
 * `modeling`, so undo and redo cover it.
 */
export class SunlightPropertiesProvider {
  static $inject = ['propertiesPanel', 'injector', 'slOrganisation', 'slMessages']

  constructor(
    propertiesPanel: any,
    private readonly injector: any,
    private readonly org: PickerOrganisation,
    private readonly t: SlMessages,
  ) {
    propertiesPanel.registerProvider(PRIORITY, this)
  }

  getGroups(element: BpmnElement) {
    return (groups: any[]) => {
      const kept = groups.filter((group) => KEPT_GROUPS.includes(group.id))
      const sunlight: unknown[] = []
      const process = processOf(element)
      if (process) sunlight.push(this.powerGroup(element, process))
      if (is(element, 'bpmn:UserTask')) {
        sunlight.push(this.responsibleGroup(element), this.stepGroup(element), this.risksGroup(element))
      }
      // General (name, id) first, then the four clarities, then forms and conditions.
      return [...kept.filter((g) => g.id === 'general'), ...sunlight, ...kept.filter((g) => g.id !== 'general')]
    }
  }

  private units(process: Moddle | undefined): Record<DurationUnit, string> {
    const power = extensionOf(process, 'sl:Power')
    const natural = power?.get('calendar') === 'natural'
    return {
      D: this.t(natural ? 'designer.panel.naturalDays' : 'designer.panel.workdays'),
      H: this.t('designer.panel.hours'),
      M: this.t('designer.panel.minutes'),
    }
  }

  private unknown = (value: string) => this.t('designer.panel.unknownValue', { value })

  private postOptions() {
    return this.org.posts.map((post) => ({ value: post.id, label: post.name === post.id ? post.id : `${post.name} (${post.id})` }))
  }

  private powerGroup(element: BpmnElement, process: Moddle) {
    const { injector, t } = this
    const power = () => extensionOf(process, 'sl:Power')
    const attr = (name: string) => ({
      getValue: () => power()?.get(name),
      setValue: (value: unknown) =>
        writeExtension(injector, element, process, 'sl:Power', { [name]: value === '' ? undefined : value }),
    })
    const units = this.units(process)
    const describe = (iso: string) => t('designer.panel.rawDuration', { value: iso })
    const entries = [
      { id: 'sl-code', component: TextFieldEntry, isEdited: isTextFieldEntryEdited, label: t('designer.panel.code'), debounce: injector.get('debounceInput'), ...attr('code') },
      {
        id: 'sl-category',
        component: SelectEntry,
        isEdited: isSelectEntryEdited,
        label: t('designer.panel.category'),
        getOptions: () =>
          withCurrent(
            [{ value: '', label: '—' }, ...categories.map((c) => ({ value: c, label: `${t(`category.${c}`)} (${c})` }))],
            power()?.get('category'),
            this.unknown,
          ),
        ...attr('category'),
      },
      {
        id: 'sl-department',
        component: SelectEntry,
        isEdited: isSelectEntryEdited,
        label: t('designer.panel.department'),
        getOptions: () => withCurrent([{ value: '', label: '—' }, ...this.postOptions()], power()?.get('department'), this.unknown),
        ...attr('department'),
      },
      { id: 'sl-legalBasis', component: TextAreaEntry, isEdited: isTextAreaEntryEdited, label: t('designer.panel.legalBasis'), debounce: injector.get('debounceInput'), rows: 2, ...attr('legalBasis') },
      { id: 'sl-statutoryLimit', component: DurationEntry, isEdited: isDurationEdited, label: t('designer.panel.statutoryLimit'), units, describe, ...attr('statutoryLimit') },
      { id: 'sl-promisedLimit', component: DurationEntry, isEdited: isDurationEdited, label: t('designer.panel.promisedLimit'), units, describe, ...attr('promisedLimit') },
      {
        id: 'sl-calendar',
        component: SelectEntry,
        isEdited: isSelectEntryEdited,
        label: t('designer.panel.calendar'),
        getOptions: () => [
          { value: 'workday', label: t('designer.panel.calendarWorkday') },
          { value: 'natural', label: t('designer.panel.calendarNatural') },
        ],
        getValue: () => power()?.get('calendar') ?? 'workday',
        setValue: attr('calendar').setValue,
      },
      {
        id: 'sl-public',
        component: CheckboxEntry,
        isEdited: isCheckboxEntryEdited,
        label: t('designer.panel.public'),
        getValue: () => power()?.get('public') !== false,
        setValue: (value: boolean) => writeExtension(injector, element, process, 'sl:Power', { public: value }),
      },
      {
        id: 'sl-fee',
        component: TextFieldEntry,
        isEdited: isTextFieldEntryEdited,
        label: t('designer.panel.fee'),
        debounce: injector.get('debounceInput'),
        validate: (value: string) => (value && !/^\d+(\.\d{1,2})?$/.test(value) ? t('designer.panel.feeInvalid') : null),
        ...attr('fee'),
      },
    ]
    return { id: 'sl-power', label: t('designer.panel.power'), component: Group, entries }
  }

  private responsibleGroup(element: BpmnElement) {
    const { injector, t } = this
    const bo = getBusinessObject(element)
    const modeling = injector.get('modeling')
    const groups = () => commaList(bo.get('camunda:candidateGroups'))
    const setGroups = (list: string[]) =>
      modeling.updateProperties(element, { 'camunda:candidateGroups': list.length ? list.join(',') : undefined })
    const people = this.org.people.map((p) => ({ value: p.id, label: p.name === p.id ? p.id : `${p.name} (${p.id})` }))
    const entries: any[] = [
      {
        id: 'sl-assignee',
        component: SelectEntry,
        isEdited: isSelectEntryEdited,
        label: t('designer.panel.assignee'),
        getOptions: () => withCurrent([{ value: '', label: t('designer.panel.noAssignee') }, ...people], bo.get('camunda:assignee'), this.unknown),
        getValue: () => bo.get('camunda:assignee') ?? '',
        setValue: (value: string) => modeling.updateProperties(element, { 'camunda:assignee': value || undefined }),
      },
    ]
    groups().forEach((post, index) => {
      entries.push({
        id: `sl-post-${index}`,
        component: SelectEntry,
        isEdited: isSelectEntryEdited,
        label: t('designer.panel.post', { n: index + 1 }),
        getOptions: () => withCurrent([{ value: '', label: t('designer.panel.removePost') }, ...this.postOptions()], post, this.unknown),
        getValue: () => groups()[index] ?? '',
        setValue: (value: string) => {
          const list = groups()
          if (value) list[index] = value
          else list.splice(index, 1)
          setGroups([...new Set(list)])
        },
      })
    })
    entries.push({
      id: 'sl-post-add',
      component: SelectEntry,
      label: groups().length ? t('designer.panel.addPost') : t('designer.panel.post', { n: 1 }),
      getOptions: () => [
        { value: '', label: t('designer.panel.choosePost') },
        ...this.postOptions().filter((option) => !groups().includes(option.value)),
      ],
      getValue: () => '',
      setValue: (value: string) => value && setGroups([...groups(), value]),
    })
    return { id: 'sl-responsible', label: t('designer.panel.responsible'), component: Group, entries }
  }

  private stepGroup(element: BpmnElement) {
    const { injector, t } = this
    const bo = getBusinessObject(element)
    const step = () => extensionOf(bo, 'sl:Step')
    const attr = (name: string) => ({
      getValue: () => step()?.get(name),
      setValue: (value: unknown) => writeExtension(injector, element, bo, 'sl:Step', { [name]: value === '' ? undefined : value }),
    })
    const process = processOfElement(element)
    const units = this.units(process)
    const describe = (iso: string) => t('designer.panel.rawDuration', { value: iso })
    const supervisors = [
      ...this.org.posts.map((p) => ({ value: `group:${p.id}`, label: `${t('designer.panel.postPrefix')}${p.name === p.id ? p.id : `${p.name} (${p.id})`}` })),
      ...this.org.people.map((p) => ({ value: `user:${p.id}`, label: `${t('designer.panel.personPrefix')}${p.name === p.id ? p.id : `${p.name} (${p.id})`}` })),
    ]
    const entries = [
      { id: 'sl-timeLimit', component: DurationEntry, isEdited: isDurationEdited, label: t('designer.panel.timeLimit'), units, describe, ...attr('timeLimit') },
      { id: 'sl-warnBefore', component: DurationEntry, isEdited: isDurationEdited, label: t('designer.panel.warnBefore'), units, describe, ...attr('warnBefore') },
      {
        id: 'sl-supervisor',
        component: SelectEntry,
        isEdited: isSelectEntryEdited,
        label: t('designer.panel.supervisor'),
        getOptions: () => withCurrent([{ value: '', label: '—' }, ...supervisors], step()?.get('supervisor'), this.unknown),
        getValue: () => step()?.get('supervisor') ?? '',
        setValue: attr('supervisor').setValue,
      },
      {
        id: 'sl-riskLevel',
        component: SelectEntry,
        isEdited: isSelectEntryEdited,
        label: t('designer.panel.riskLevel'),
        getOptions: () => [
          { value: '', label: t('designer.panel.riskLevelFromRisks') },
          ...[1, 2, 3].map((level) => ({ value: String(level), label: t(`designer.panel.level${level}`) })),
        ],
        getValue: () => (step()?.get('riskLevel') == null ? '' : String(step()!.get('riskLevel'))),
        setValue: (value: string) => attr('riskLevel').setValue(value === '' ? undefined : Number(value)),
      },
      {
        id: 'sl-unsupervised',
        component: TextFieldEntry,
        isEdited: isTextFieldEntryEdited,
        label: t('designer.panel.unsupervised'),
        description: t('designer.panel.unsupervisedHint'),
        debounce: injector.get('debounceInput'),
        getValue: () => bo.get('sl:unsupervised'),
        setValue: (value: string) => injector.get('modeling').updateProperties(element, { 'sl:unsupervised': value || undefined }),
      },
    ]
    return { id: 'sl-step', label: t('designer.panel.step'), component: Group, entries }
  }

  private risksGroup(element: BpmnElement) {
    const { injector, t } = this
    const bo = getBusinessObject(element)
    const modeling = injector.get('modeling')
    const step = extensionOf(bo, 'sl:Step')
    const risks: Moddle[] = step?.get('risks') ?? []
    const items = risks.map((risk, index) => {
      const id = `sl-risk-${index}`
      const attr = (name: string) => ({
        getValue: () => risk.get(name),
        setValue: (value: unknown) => modeling.updateModdleProperties(element, risk, { [name]: value === '' ? undefined : value }),
      })
      return {
        id,
        label: [risk.get('code'), risk.get('level') ? t(`designer.panel.level${risk.get('level')}`) : null].filter(Boolean).join(' · ') || t('designer.panel.riskN', { n: index + 1 }),
        autoFocusEntry: `${id}-measure`,
        entries: [
          { id: `${id}-code`, component: TextFieldEntry, isEdited: isTextFieldEntryEdited, label: t('designer.panel.riskCode'), debounce: injector.get('debounceInput'), ...attr('code') },
          {
            id: `${id}-level`,
            component: SelectEntry,
            isEdited: isSelectEntryEdited,
            label: t('designer.panel.riskLevelOfPoint'),
            getOptions: () => [1, 2, 3].map((level) => ({ value: String(level), label: t(`designer.panel.level${level}`) })),
            getValue: () => String(risk.get('level') ?? ''),
            setValue: (value: string) => attr('level').setValue(Number(value)),
          },
          { id: `${id}-description`, component: TextAreaEntry, isEdited: isTextAreaEntryEdited, label: t('designer.panel.riskDescription'), debounce: injector.get('debounceInput'), rows: 2, ...attr('description') },
          { id: `${id}-measure`, component: TextAreaEntry, isEdited: isTextAreaEntryEdited, label: t('designer.panel.riskMeasure'), debounce: injector.get('debounceInput'), rows: 2, ...attr('measure') },
        ],
        remove: (event?: Event) => {
          event?.stopPropagation()
          modeling.updateModdleProperties(element, step, { risks: risks.filter((r) => r !== risk) })
        },
      }
    })
    const add = (event?: Event) => {
      event?.stopPropagation()
      const risk = injector.get('bpmnFactory').create('sl:Risk', { level: 3, measure: '' })
      const current = extensionOf(bo, 'sl:Step')
      // One command either way, so one undo removes the risk point (and a step made for it).
      writeExtension(injector, element, bo, 'sl:Step', { risks: [...(current?.get('risks') ?? []), risk] })
      risk.$parent = extensionOf(bo, 'sl:Step')
    }
    return { id: 'sl-risks', label: t('designer.panel.risks'), component: ListGroup, items, add, shouldSort: false }
  }
}

function processOfElement(element: BpmnElement): Moddle | undefined {
  let bo = getBusinessObject(element)
  while (bo && !is(bo, 'bpmn:Process')) {
    if (is(bo, 'bpmn:Participant')) return bo.get('processRef')
    bo = bo.$parent
  }
  return bo
}
