import { useI18n } from 'vue-i18n'

/** Instants shown in the UI language, in China Standard Time whatever the browser's zone. */
export function useInstant() {
  const { locale } = useI18n()
  function formatInstant(value: string | Date | null | undefined): string {
    if (!value) return '—'
    const date = value instanceof Date ? value : new Date(value)
    if (Number.isNaN(date.getTime())) return '—'
    return new Intl.DateTimeFormat(locale.value, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Shanghai',
    }).format(date)
  }
  return { formatInstant }
}
