/* eslint-disable @typescript-eslint/no-explicit-any */
import { h } from '@bpmn-io/properties-panel/preact'
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks'
import { toAmount, toIso, type DurationUnit } from './duration'

export interface DurationEntryProps {
  element: any
  id: string
  label: string
  getValue: (element: any) => string | undefined
  setValue: (value: string | undefined) => void
  /** Unit labels, the day one saying working or natural days. */
  units: Record<DurationUnit, string>
  /** Shown when the stored value cannot be said as one amount and unit (e.g. `P1DT4H`). */
  describe: (iso: string) => string
}

/** A time limit as an amount and a unit ("3 working days"), written back as ISO-8601. */
export function DurationEntry(props: DurationEntryProps) {
  const { element, id, label, getValue, setValue, units, describe } = props
  const value = getValue(element)
  const parsed = toAmount(value)
  const [unit, setUnit] = useState<DurationUnit>(parsed?.unit ?? 'D')
  useEffect(() => {
    if (parsed) setUnit(parsed.unit)
  }, [value])

  const onAmount = (event: Event) => {
    const text = (event.target as HTMLInputElement).value.trim()
    setValue(text === '' ? undefined : toIso(Number(text), unit))
  }
  const onUnit = (event: Event) => {
    const next = (event.target as HTMLSelectElement).value as DurationUnit
    setUnit(next)
    if (parsed) setValue(toIso(parsed.amount, next))
  }
  const inputId = `bio-properties-panel-${id}`
  return h('div', { class: 'bio-properties-panel-entry sl-duration', 'data-entry-id': id }, [
    h('label', { class: 'bio-properties-panel-label', for: inputId }, label),
    h('div', { class: 'sl-duration-inputs' }, [
      h('input', {
        id: inputId,
        name: id,
        type: 'number',
        min: 1,
        step: 1,
        class: 'bio-properties-panel-input sl-duration-amount',
        value: parsed ? String(parsed.amount) : '',
        onChange: onAmount,
      }),
      h(
        'select',
        { class: 'bio-properties-panel-input sl-duration-unit', value: unit, onChange: onUnit, 'aria-label': label },
        (Object.keys(units) as DurationUnit[]).map((key) => h('option', { value: key, selected: key === unit }, units[key])),
      ),
    ]),
    value && !parsed ? h('div', { class: 'bio-properties-panel-description' }, describe(value)) : null,
  ])
}

export function isDurationEdited(node: HTMLElement | null): boolean {
  return Boolean(node?.querySelector<HTMLInputElement>('input')?.value)
}
