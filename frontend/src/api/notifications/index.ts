import { http } from '../http'

/** What a notification is about (the server's EventKind). */
export const eventKinds = [
  'ESCALATION_RAISED',
  'ESCALATION_RESOLVED',
  'ORDER_ISSUED',
  'ORDER_OVERDUE',
  'EXTENSION_REQUESTED',
  'EXTENSION_DECIDED',
  'REVIEW_REQUESTED',
  'REVIEW_DECIDED',
  'CALENDAR_RUNNING_OUT',
  'COMPLAINT_FILED',
  'DIGEST',
] as const
export type EventKind = (typeof eventKinds)[number]

/** The channels a person chooses for themselves (IM robots post to groups and are configured by the administrator). */
export const personalChannels = ['IN_APP', 'MAIL'] as const
export type Channel = 'IN_APP' | 'MAIL' | 'DINGTALK' | 'WECOM'

export interface AppNotification {
  id: string
  kind: EventKind
  subject: string
  body: string
  link: string | null
  createdAt: string
  readAt: string | null
}

export interface NotificationPage {
  items: AppNotification[]
  total: number
  unread: number
}

export interface NotificationPreferences {
  email: string | null
  /** Turned off, as KIND:CHANNEL. */
  off: string[]
  quietFrom: string | null
  quietTo: string | null
}

export interface Delivery {
  id: string
  kind: EventKind
  eventKey: string
  recipient: string
  channel: Channel
  address: string | null
  subject: string
  status: 'PENDING' | 'DELIVERED' | 'FAILED'
  attempts: number
  nextAttemptAt: string
  lastError: string | null
  createdAt: string
  deliveredAt: string | null
}

export function listNotifications(query: { unread?: boolean; page?: number; size?: number } = {}) {
  return http.get<NotificationPage>('/api/notifications', { query })
}

export function markRead(id: string) {
  return http.post<AppNotification>(`/api/notifications/${encodeURIComponent(id)}/read`)
}

export function markAllRead() {
  return http.post<{ marked: number }>('/api/notifications/read-all')
}

export function getPreferences() {
  return http.get<NotificationPreferences>('/api/notifications/preferences')
}

export function savePreferences(preferences: NotificationPreferences) {
  return http.put<NotificationPreferences>('/api/notifications/preferences', { body: preferences })
}

export function listFailedDeliveries(query: { page?: number; size?: number } = {}) {
  return http.get<{ items: Delivery[]; total: number }>('/api/notifications/failed', { query })
}

export function retryDelivery(id: string) {
  return http.post<Delivery>(`/api/notifications/failed/${encodeURIComponent(id)}/retry`)
}

/** The live unread count: an `unread` event with `{count}` on connecting and on every change. */
export function openNotificationStream(): EventSource {
  return new EventSource('/api/notifications/stream', { withCredentials: true })
}

/** The badge's text: the count, capped so the bell keeps its size. */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count)
}

/** Only links into this app are followed from a notification. */
export function safeLink(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null
}
