import { useI18n } from 'vue-i18n'
import { useDuration } from '@/composables/useDuration'
import { ApiError } from '@/api/http'

/** Durations with a sign (`-P10D` → "−10 个工作日") and API errors as one line. */
export function useDesignerText() {
  const { t } = useI18n()
  const { formatDuration } = useDuration()
  const signedDuration = (iso: string | null | undefined, calendar?: string | null) => {
    if (iso == null) return t('app.none')
    if (iso === 'PT0S') return t('designer.compare.unchanged')
    const negative = iso.startsWith('-')
    const text = formatDuration(negative ? iso.slice(1) : iso, calendar)
    return `${negative ? '−' : '+'}${text}`
  }
  const errorText = (error: unknown) =>
    error instanceof ApiError ? (error.detail ?? error.title) : error instanceof Error ? error.message : t('error.network')
  return { signedDuration, errorText, formatDuration }
}
