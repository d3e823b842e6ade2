import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import { ApiError } from '@/api/http'
import { getOrgChart, type OrgChart } from '@/api/org'

/** The organisation chart with loading and error state; `change` runs an edit and takes its answer. */
export function useOrgChart() {
  const { t } = useI18n()
  const chart = ref<OrgChart | null>(null)
  const loading = ref(true)
  const error = ref<string | null>(null)

  function message(e: unknown): string {
    return e instanceof ApiError ? (e.detail ?? e.title) : t('error.network')
  }

  async function load() {
    loading.value = true
    error.value = null
    try {
      chart.value = await getOrgChart()
    } catch (e) {
      error.value = message(e)
    } finally {
      loading.value = false
    }
  }

  /** Runs a change; on success shows `done` and keeps the new chart, on refusal shows why. */
  async function change(edit: () => Promise<OrgChart>, done: string): Promise<boolean> {
    try {
      chart.value = await edit()
      ElMessage.success(done)
      return true
    } catch (e) {
      ElMessage.error({ message: message(e), duration: 6000 })
      return false
    }
  }

  return { chart, loading, error, load, change }
}
