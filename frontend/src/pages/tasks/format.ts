/** Date and time as office users read them, in the UI's language. */
export function formatWhen(at: string | null | undefined, locale: string, none = '—'): string {
  if (!at) return none
  const date = new Date(at)
  if (Number.isNaN(date.getTime())) return at
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}
