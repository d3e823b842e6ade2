import { useI18n } from 'vue-i18n'

/** The parts of an ISO-8601 duration such as `P20D`, `PT4H30M` or `P1DT2H`. */
export interface DurationParts {
  years: number
  months: number
  weeks: number
  days: number
  hours: number
  minutes: number
  seconds: number
}

const pattern =
  /^P(?!$)(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?=[\d.,]+[HMS])(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/

export function parseDuration(text: string): DurationParts | null {
  const match = pattern.exec(text.trim().toUpperCase())
  if (!match) return null
  const number = (i: number) => Number((match[i] ?? '0').replace(',', '.'))
  return {
    years: number(1),
    months: number(2),
    weeks: number(3),
    days: number(4),
    hours: number(5),
    minutes: number(6),
    seconds: number(7),
  }
}

/** vue-i18n's `t(key, named, plural)`. */
export type Translate = (key: string, named: Record<string, unknown>, plural: number) => string

/**
 * Says a time limit as people do: `P20D` in the workday calendar is "20 个工作日" / "20 working
 * days", in the natural calendar "20 个自然日"; `PT4H` is "4 小时". Text that is not a duration is
 * shown as it is, and a missing one as a dash.
 */
export function formatDuration(iso: string | null | undefined, calendar: string | null | undefined, t: Translate): string {
  if (iso == null || iso.trim() === '') return '—'
  const parts = parseDuration(iso)
  if (!parts) return iso
  const dayKey = calendar === 'natural' ? 'duration.naturalDays' : 'duration.workdays'
  const units: Array<[number, string]> = [
    [parts.years, 'duration.years'],
    [parts.months, 'duration.months'],
    [parts.weeks, 'duration.weeks'],
    [parts.days, dayKey],
    [parts.hours, 'duration.hours'],
    [parts.minutes, 'duration.minutes'],
    [parts.seconds, 'duration.seconds'],
  ]
  const said = units.filter(([n]) => n > 0).map(([n, key]) => t(key, { n }, n))
  return said.length > 0 ? said.join(' ') : t('duration.hours', { n: 0 }, 0)
}

/** {@link formatDuration} in the UI's current language. */
export function useDuration() {
  const { t } = useI18n()
  const translate: Translate = (key, named, plural) => t(key, named, plural)
  return {
    formatDuration: (iso: string | null | undefined, calendar?: string | null) => formatDuration(iso, calendar, translate),
  }
}
