import { onMounted, ref } from 'vue'
import { ApiError } from '@/api/http'
import type { InboxPage } from '@/api/home'

/** A page of an inbox, with its loading, error and pager state; `page` counts from 1 as the pager does. */
export function usePagedList<T>(fetch: (page: number, size: number) => Promise<InboxPage<T>>, failed: () => string, size = 20) {
  const rows = ref<T[]>([])
  const total = ref(0)
  const page = ref(1)
  const loading = ref(true)
  const error = ref<string | null>(null)

  async function load() {
    loading.value = true
    error.value = null
    try {
      const answer = await fetch(page.value - 1, size)
      rows.value = answer.items
      total.value = answer.total
    } catch (e) {
      error.value = e instanceof ApiError ? (e.detail ?? e.title) : failed()
    } finally {
      loading.value = false
    }
  }

  onMounted(load)
  return { rows, total, page, size, loading, error, load }
}
