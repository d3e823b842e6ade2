import type { Role } from '@/api/auth'
import type { Home } from '@/api/home'

/** The colour of a lamp or card: red and yellow need someone, blue is work in hand, green is all well. */
export type Tone = 'red' | 'yellow' | 'blue' | 'green' | 'grey'

/** A count on the home page, linking to the page where it is dealt with. */
export interface Card {
  /** Also its message key under `home.card` and its `data-testid` suffix. */
  key: string
  /** null when there is no number to show (a health check says ok or not). */
  count: number | null
  tone: Tone
  /** The page that deals with it; null when no page of the app does. */
  to: string | null
}

export interface Section {
  role: Role
  cards: Card[]
  /** A red or yellow card: drawn before the sections that have none. */
  urgent: boolean
  /** Nothing in it, not even work in hand: its empty state says all is well. */
  allWell: boolean
}

const waiting = (count: number, tone: Tone): Tone => (count > 0 ? tone : 'green')

/** The sections of the caller's home page: one per role they hold, those that need attention first. */
export function composeHome(home: Home): Section[] {
  const sections: Section[] = []
  if (home.handler) {
    const h = home.handler
    sections.push(section('HANDLER', [
      { key: 'red', count: h.red, tone: waiting(h.red, 'red'), to: '/tasks' },
      { key: 'yellow', count: h.yellow, tone: waiting(h.yellow, 'yellow'), to: '/tasks' },
      { key: 'orders', count: h.orders, tone: waiting(h.orders, 'yellow'), to: '/tasks/orders' },
      { key: 'open', count: h.open, tone: h.open > 0 ? 'blue' : 'green', to: '/tasks' },
      { key: 'done', count: null, tone: 'grey', to: '/inbox/done' },
    ]))
  }
  if (home.leader) {
    const l = home.leader
    sections.push(section('LEADER', [
      { key: 'pendingExtensions', count: l.pendingExtensions, tone: waiting(l.pendingExtensions, 'yellow'), to: '/inbox/extensions' },
      { key: 'redAlarms', count: l.redAlarms, tone: waiting(l.redAlarms, 'red'), to: '/console/escalations' },
    ]))
  }
  if (home.supervisor) {
    const s = home.supervisor
    sections.push(section('SUPERVISOR', [
      { key: 'newEscalations', count: s.newEscalations, tone: waiting(s.newEscalations, 'yellow'), to: '/console/escalations' },
      { key: 'overdueOrders', count: s.overdueOrders, tone: waiting(s.overdueOrders, 'red'), to: '/inbox/orders' },
    ]))
  }
  if (home.reviewer) {
    sections.push(section('REVIEWER', [
      { key: 'reviewQueue', count: home.reviewer.queue, tone: waiting(home.reviewer.queue, 'yellow'), to: '/review' },
    ]))
  }
  if (home.designer) {
    const d = home.designer
    sections.push(section('DESIGNER', [
      { key: 'drafts', count: d.drafts, tone: waiting(d.drafts, 'blue'), to: '/designer' },
      { key: 'inReview', count: d.inReview, tone: waiting(d.inReview, 'blue'), to: '/designer' },
    ]))
  }
  if (home.admin) {
    const a = home.admin
    sections.push(section('ADMIN', [
      { key: 'calendar', count: null, tone: a.calendar.ok ? 'green' : 'red', to: null },
      {
        key: 'jobs',
        count: a.jobs.due,
        tone: a.jobs.failed > 0 ? 'red' : a.jobs.backlogged ? 'yellow' : 'green',
        to: null,
      },
      { key: 'audit', count: null, tone: a.audit.ok ? 'green' : 'red', to: '/admin/audit' },
      {
        key: 'deliveries',
        count: a.deliveries.failed,
        tone: !a.deliveries.installed ? 'grey' : a.deliveries.ok ? 'green' : 'red',
        to: null,
      },
    ]))
  }
  // Sections that need someone first; otherwise the fixed order (Array.prototype.sort is stable).
  return sections.sort((a, b) => Number(b.urgent) - Number(a.urgent))
}

function section(role: Role, cards: Card[]): Section {
  return {
    role,
    cards,
    urgent: cards.some((card) => card.tone === 'red' || card.tone === 'yellow'),
    allWell: cards.every((card) => card.tone === 'green' || card.tone === 'grey'),
  }
}
