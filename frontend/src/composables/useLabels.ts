import { useI18n } from 'vue-i18n'

/** Names for the codes the server sends, falling back to the code itself. */
export function useLabels() {
  const { t, te } = useI18n()
  const label = (prefix: string, code: string | null | undefined) => {
    if (!code) return t('app.none')
    const key = `${prefix}.${code}`
    return te(key) ? t(key) : code
  }
  return {
    categoryName: (code: string | null | undefined) => label('category', code),
    calendarName: (code: string | null | undefined) => label('calendar', code ?? 'workday'),
  }
}
