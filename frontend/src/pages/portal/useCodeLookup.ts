import { ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { ApiError } from '@/api/http'
import { isQueryCode, normalizeCaseNumber, normalizeQueryCode, retryMinutes } from './format'

/**
 * A lookup by number and query code, as the case and complaint pages make it: the code checked
 * before asking (a typo costs no failed lookup), never put in the address bar (so it stays out of
 * the history), and each failure said in the page's words (`<prefix>.required`, `.badCode`,
 * `.notFound`, `.tooMany`, `.failed`).
 */
export function useCodeLookup<T>(options: {
  initialNumber: () => string | undefined
  fetch: (number: string, code: string) => Promise<T>
  routeName: string
  param: string
  prefix: string
}) {
  const { t } = useI18n()
  const router = useRouter()
  const number = ref(options.initialNumber() ?? '')
  const code = ref('')
  const result = ref<T | null>(null) as Ref<T | null>
  const error = ref<string | null>(null)
  const loading = ref(false)

  watch(options.initialNumber, (value) => {
    if ((value ?? '') !== number.value) {
      number.value = value ?? ''
      result.value = null
    }
  })

  function messageOf(e: unknown): string {
    if (e instanceof ApiError) {
      if (e.status === 404) return t(`${options.prefix}.notFound`)
      if (e.status === 429) return t(`${options.prefix}.tooMany`, { minutes: retryMinutes(e.body?.retryAfterSeconds) })
      if (e.status === 400 && e.detail) return e.detail
    }
    return t(`${options.prefix}.failed`)
  }

  async function lookUp() {
    const wanted = normalizeCaseNumber(number.value)
    const queryCode = normalizeQueryCode(code.value)
    error.value = null
    if (!wanted || !queryCode) {
      error.value = t(`${options.prefix}.required`)
      return
    }
    if (!isQueryCode(queryCode)) {
      error.value = t(`${options.prefix}.badCode`)
      return
    }
    loading.value = true
    try {
      result.value = await options.fetch(wanted, queryCode)
      number.value = wanted
      if (options.initialNumber() !== wanted) {
        await router.replace({ name: options.routeName, params: { [options.param]: wanted } })
      }
    } catch (e) {
      result.value = null
      error.value = messageOf(e)
    } finally {
      loading.value = false
    }
  }

  return { number, code, result, error, loading, lookUp }
}
