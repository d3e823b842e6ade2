import { onBeforeUnmount, ref, type Ref } from 'vue'
import type { Lamp } from '@/api/tasks'

const units: Record<string, number> = { D: 86_400_000, H: 3_600_000, M: 60_000, S: 1000 }

/**
 * Milliseconds of a signed ISO-8601 duration as Java writes them (`PT14H`, `-PT1H30M`,
 * `PT0.5S`, `P1DT2H`); null for anything else.
 */
export function durationMillis(iso: string | null | undefined): number | null {
  if (!iso) return null
  const match = /^(-)?P(?:(\d+)D)?(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/.exec(iso.trim())
  if (!match || iso.trim() === 'P' || iso.trim() === 'PT') return null
  const [, sign, d, h, m, s] = match
  const total =
    Number(d ?? 0) * units.D! + Number(h ?? 0) * units.H! + Number(m ?? 0) * units.M! + Number(s ?? 0) * units.S!
  return sign ? -total : total
}

export interface WorkingParts {
  days: number
  hours: number
  minutes: number
  seconds: number
}

/** Splits working time into working days of `dayMillis` (7 hours on working days) and the rest. */
export function workingParts(millis: number, dayMillis: number): WorkingParts {
  let rest = Math.max(0, Math.floor(Math.abs(millis) / 1000))
  const daySeconds = Math.max(1, Math.round(dayMillis / 1000))
  const days = Math.floor(rest / daySeconds)
  rest -= days * daySeconds
  const hours = Math.floor(rest / 3600)
  rest -= hours * 3600
  const minutes = Math.floor(rest / 60)
  return { days, hours, minutes, seconds: rest - minutes * 60 }
}

/** vue-i18n's `t(key, named, plural)`. */
export type Translate = (key: string, named: Record<string, unknown>, plural?: number) => string

/**
 * "1 个工作日 3 小时 12 分 05 秒": working days, hours, minutes and (so that it visibly counts)
 * seconds, leaving out leading zero units.
 */
export function formatWorking(millis: number, dayMillis: number, calendar: string, t: Translate, seconds = true): string {
  const parts = workingParts(millis, dayMillis)
  const said: string[] = []
  if (parts.days > 0) {
    const key = calendar === 'natural' ? 'duration.naturalDays' : 'duration.workdays'
    said.push(t(key, { n: parts.days }, parts.days))
  }
  if (parts.days > 0 || parts.hours > 0) said.push(t('tasks.remaining.hours', { n: parts.hours }, parts.hours))
  said.push(t('tasks.remaining.minutes', { n: parts.minutes }, parts.minutes))
  if (seconds) said.push(t('tasks.remaining.seconds', { n: String(parts.seconds).padStart(2, '0') }, parts.seconds))
  return said.join(' ')
}

/** What a task's countdown says now. */
export function remainingText(
  task: { lamp: Lamp; remaining: string | null; running: boolean; dayLength: string | null; calendar?: string },
  elapsedMillis: number,
  t: Translate,
): string {
  if (task.lamp === 'PAUSED') return t('tasks.remaining.paused', {})
  const base = durationMillis(task.remaining)
  if (base == null) return t('tasks.remaining.none', {})
  const left = base - (task.running ? elapsedMillis : 0)
  const day = durationMillis(task.dayLength) ?? 7 * units.H!
  const time = formatWorking(left, day, task.calendar ?? 'workday', t)
  return left > 0 ? t('tasks.remaining.left', { time }) : t('tasks.remaining.overdue', { time })
}

let clock: Ref<number> | undefined
let users = 0
let timer: ReturnType<typeof setInterval> | undefined

/** The wall clock in milliseconds, ticking once a second, shared by every countdown on the page. */
export function useNow(): Ref<number> {
  if (!clock) clock = ref(Date.now())
  const now = clock
  if (users++ === 0) timer = setInterval(() => (now.value = Date.now()), 1000)
  onBeforeUnmount(() => {
    if (--users === 0 && timer) {
      clearInterval(timer)
      timer = undefined
    }
  })
  return now
}
