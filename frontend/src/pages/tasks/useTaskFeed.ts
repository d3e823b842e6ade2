import { onBeforeUnmount, readonly, ref } from 'vue'
import { openTaskStream, type TaskSummary, type TaskView } from '@/api/tasks'

export interface FeedHandlers {
  /** A task appeared in my list, or its lamp or holder changed. */
  onTask?: (task: TaskView) => void
  /** A task left my list (completed, or claimed by someone else). */
  onRemoved?: (taskId: string) => void
}

const summary = ref<TaskSummary | null>(null)
const connected = ref(false)
const subscribers = new Set<FeedHandlers>()
let source: EventSource | undefined

function parse<T>(event: MessageEvent): T | undefined {
  try {
    return JSON.parse(event.data as string) as T
  } catch {
    return undefined
  }
}

function open() {
  if (typeof EventSource === 'undefined') return
  source = openTaskStream()
  source.onopen = () => (connected.value = true)
  // EventSource reconnects by itself; until then the page says the lamps may be stale.
  source.onerror = () => (connected.value = false)
  source.addEventListener('summary', (event) => {
    const data = parse<TaskSummary>(event as MessageEvent)
    if (data) summary.value = data
  })
  source.addEventListener('task', (event) => {
    const data = parse<TaskView>(event as MessageEvent)
    if (data) subscribers.forEach((s) => s.onTask?.(data))
  })
  source.addEventListener('removed', (event) => {
    const data = parse<{ taskId: string }>(event as MessageEvent)
    if (data) subscribers.forEach((s) => s.onRemoved?.(data.taskId))
  })
}

/**
 * The live feed of my tasks (GET /api/tasks/stream): one connection per page however many
 * components listen, closed when the last one goes.
 */
export function useTaskFeed(handlers: FeedHandlers = {}) {
  subscribers.add(handlers)
  if (!source) open()
  onBeforeUnmount(() => {
    subscribers.delete(handlers)
    if (subscribers.size === 0) {
      source?.close()
      source = undefined
      connected.value = false
      summary.value = null
    }
  })
  return { summary: readonly(summary), connected: readonly(connected) }
}
