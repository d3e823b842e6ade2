import { ref } from 'vue'

/** The current quarter as [from, to] dates (YYYY-MM-DD), what the server defaults to as well. */
export function currentQuarter(today = new Date()): [string, string] {
  const start = new Date(today.getFullYear(), Math.floor(today.getMonth() / 3) * 3, 1)
  const end = new Date(start.getFullYear(), start.getMonth() + 3, 0)
  const day = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  return [day(start), day(end)]
}

export function usePeriod() {
  const range = ref<[string, string]>(currentQuarter())
  const period = () => ({ from: range.value?.[0], to: range.value?.[1] })
  return { range, period }
}
