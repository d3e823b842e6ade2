import { ApiError } from '@/api/http'
// ElMessage and ElMessageBox are called from scripts, where the component resolver does not see them.
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'

/** The server's reason for a refusal, or the fallback. */
export function problemText(e: unknown, fallback: string): string {
  if (e instanceof ApiError) return e.detail ?? e.title
  return e instanceof Error && e.message ? `${fallback}: ${e.message}` : fallback
}

/** Someone else took or finished the task meanwhile: the page should say so and refresh. */
export function isStale(e: unknown): boolean {
  return e instanceof ApiError && (e.status === 409 || e.status === 404 || e.status === 403)
}

/** Who holds a task, when the server refused because someone else does. */
export function holderOf(e: unknown): string | undefined {
  const holder = e instanceof ApiError ? e.body?.holder : undefined
  return typeof holder === 'string' ? holder : undefined
}
