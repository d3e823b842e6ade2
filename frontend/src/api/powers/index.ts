import { http } from '../http'
import type { PowerDetail, PowerSummary, PowerVersion } from './types'

export * from './types'

export function listPowers(): Promise<PowerSummary[]> {
  return http.get<PowerSummary[]>('/api/powers')
}

export function getPower(code: string): Promise<PowerDetail> {
  return http.get<PowerDetail>(`/api/powers/${encodeURIComponent(code)}`)
}

/** The BPMN XML as drawn, or with `compiled` the executable one with its timer events. */
export function getPowerBpmn(code: string, options: { compiled?: boolean; version?: number } = {}): Promise<string> {
  return http.get<string>(`/api/powers/${encodeURIComponent(code)}/bpmn`, {
    expect: 'text',
    query: { compiled: options.compiled ? true : undefined, version: options.version },
  })
}

/** Versions as objects, newest first, whichever form the server sent. */
export function normalizeVersions(versions: PowerDetail['versions'] | null | undefined): PowerVersion[] {
  return (versions ?? [])
    .map((v) => (typeof v === 'number' ? { version: v } : v))
    .sort((a, b) => b.version - a.version)
}
