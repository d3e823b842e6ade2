import { describe, expect, it } from 'vitest'
import type { AdminSection, Home } from '@/api/home'
import { composeHome } from './sections'

const nobody: Home = {
  roles: [],
  handler: null,
  supervisor: null,
  leader: null,
  designer: null,
  reviewer: null,
  admin: null,
}

const healthy: AdminSection = {
  calendar: { currentYear: 2026, currentYearCovered: true, nextYear: 2027, nextYearCovered: true, nextYearDue: true, ok: true },
  jobs: { due: 0, oldestDue: null, backlogged: false, failed: 0, ok: true },
  audit: { sealedTo: 10, unsealed: 0, checkpointPos: 10, checkpointAt: '2026-11-25T10:00:00+08:00', stale: false, ok: true },
  deliveries: { installed: false, failed: null, ok: true },
}

const handler = (red: number, yellow: number, orders: number, open = red + yellow) => ({
  red,
  yellow,
  open,
  urgent: [],
  orders,
  newOrders: [],
})

describe('composeHome', () => {
  it('has a section only for the roles the person holds', () => {
    expect(composeHome(nobody)).toEqual([])
    const sections = composeHome({ ...nobody, roles: ['HANDLER'], handler: handler(0, 0, 0) })
    expect(sections.map((s) => s.role)).toEqual(['HANDLER'])
  })

  it('lights red, then yellow, and links each count to the page that deals with it', () => {
    const [section] = composeHome({ ...nobody, handler: handler(2, 1, 1) })
    const byKey = Object.fromEntries(section!.cards.map((c) => [c.key, c]))
    expect(byKey.red).toMatchObject({ count: 2, tone: 'red', to: '/tasks' })
    expect(byKey.yellow).toMatchObject({ count: 1, tone: 'yellow' })
    expect(byKey.orders).toMatchObject({ count: 1, tone: 'yellow', to: '/tasks/orders' })
    expect(byKey.done).toMatchObject({ count: null, to: '/inbox/done' })
    expect(section!.urgent).toBe(true)
    expect(section!.allWell).toBe(false)
  })

  it('says all is well when nothing is red, yellow or in hand, and green tasks alone are work in hand', () => {
    expect(composeHome({ ...nobody, handler: handler(0, 0, 0) })[0]).toMatchObject({ urgent: false, allWell: true })
    expect(composeHome({ ...nobody, handler: handler(0, 0, 0, 3) })[0]).toMatchObject({ urgent: false, allWell: false })
  })

  it('puts the sections that need someone first, otherwise keeps the roles in order', () => {
    const calm = composeHome({
      ...nobody,
      handler: handler(0, 0, 0),
      leader: { pendingExtensions: 0, extensions: [], redAlarms: 0, alarms: [] },
      admin: healthy,
    })
    expect(calm.map((s) => s.role)).toEqual(['HANDLER', 'LEADER', 'ADMIN'])
    const leaderBusy = composeHome({
      ...nobody,
      handler: handler(0, 0, 0),
      leader: { pendingExtensions: 1, extensions: [], redAlarms: 0, alarms: [] },
      admin: healthy,
    })
    expect(leaderBusy.map((s) => s.role)).toEqual(['LEADER', 'HANDLER', 'ADMIN'])
    expect(leaderBusy[0]!.cards.find((c) => c.key === 'pendingExtensions')).toMatchObject({
      tone: 'yellow',
      to: '/inbox/extensions',
    })
  })

  it('turns the administrator\'s checks red or yellow by what failed, and keeps the deliveries slot grey until installed', () => {
    const ok = composeHome({ ...nobody, admin: healthy })[0]!
    expect(ok.allWell).toBe(true)
    expect(ok.cards.find((c) => c.key === 'deliveries')).toMatchObject({ tone: 'grey', count: null })

    const broken = composeHome({
      ...nobody,
      admin: {
        ...healthy,
        calendar: { ...healthy.calendar, nextYearCovered: false, ok: false },
        jobs: { due: 40, oldestDue: '2026-11-25T09:00:00+08:00', backlogged: true, failed: 0, ok: false },
        audit: { ...healthy.audit, stale: true, ok: false },
        deliveries: { installed: true, failed: 3, ok: false },
      },
    })[0]!
    const tone = Object.fromEntries(broken.cards.map((c) => [c.key, c.tone]))
    expect(tone).toEqual({ calendar: 'red', jobs: 'yellow', audit: 'red', deliveries: 'red' })
    const failedJobs = composeHome({ ...nobody, admin: { ...healthy, jobs: { ...healthy.jobs, failed: 1, ok: false } } })[0]!
    expect(failedJobs.cards.find((c) => c.key === 'jobs')!.tone).toBe('red')
  })
})
