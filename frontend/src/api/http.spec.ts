import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, http, setUnauthorizedHandler } from './http'
import { setLocale } from '@/i18n'

interface Call {
  url: string
  method: string
  headers: Record<string, string>
  body: unknown
}

let calls: Call[]

function answer(status: number, body?: unknown, type = 'application/json') {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'Content-Type': type },
  })
}

function clearCookies() {
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim()
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
  }
}

function stubFetch(respond: (call: Call) => Response | Promise<Response>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const call = {
        url,
        method: init.method ?? 'GET',
        headers: (init.headers ?? {}) as Record<string, string>,
        body: init.body,
      }
      calls.push(call)
      return respond(call)
    }),
  )
}

beforeEach(() => {
  calls = []
  clearCookies()
  setLocale('zh-CN')
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the API client', () => {
  it('marks every call as the app’s and sends the UI language', async () => {
    stubFetch(() => answer(200, []))
    setLocale('en')
    await http.get('/api/powers')

    expect(calls[0]!.headers['X-Requested-With']).toBe('XMLHttpRequest')
    expect(calls[0]!.headers['Accept-Language']).toBe('en')
    expect(calls[0]!.headers['X-XSRF-TOKEN']).toBeUndefined()
  })

  it('echoes the XSRF-TOKEN cookie on writes', async () => {
    document.cookie = 'XSRF-TOKEN=abc-123; path=/'
    stubFetch(() => answer(200, { ok: true }))
    await http.post('/login', { body: new URLSearchParams({ username: 'designer', password: 'demo' }) })

    expect(calls).toHaveLength(1)
    expect(calls[0]!.headers['X-XSRF-TOKEN']).toBe('abc-123')
    expect(calls[0]!.headers['Content-Type']).toMatch(/^application\/x-www-form-urlencoded/)
    expect(String(calls[0]!.body)).toBe('username=designer&password=demo')
  })

  it('asks /api/me for the cookie when there is none yet', async () => {
    stubFetch((call) => {
      if (call.url === '/api/me') {
        document.cookie = 'XSRF-TOKEN=fresh; path=/'
        return answer(401, { title: 'Unauthorized' }, 'application/problem+json')
      }
      return answer(204)
    })
    await http.post('/logout', { expect: 'none' })

    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/me', 'POST /logout'])
    expect(calls[1]!.headers['X-XSRF-TOKEN']).toBe('fresh')
  })

  it('hands a 401 to the sign-in redirect and throws the problem', async () => {
    const unauthorized = vi.fn()
    setUnauthorizedHandler(unauthorized)
    stubFetch(() => answer(401, { title: 'Unauthorized', detail: 'sign-in required', status: 401 }, 'application/problem+json'))

    const error = await http.get('/api/powers').catch((e: unknown) => e)

    expect(unauthorized).toHaveBeenCalledOnce()
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 401, title: 'Unauthorized', detail: 'sign-in required' })
  })

  it('leaves a 401 to the caller when asked to', async () => {
    const unauthorized = vi.fn()
    setUnauthorizedHandler(unauthorized)
    stubFetch(() => answer(401, { title: 'Unauthorized', detail: 'wrong user name or password' }, 'application/problem+json'))

    const error = await http
      .post('/login', { body: new URLSearchParams({ username: 'x', password: 'y' }), quietUnauthorized: true })
      .catch((e: unknown) => e)

    expect(unauthorized).not.toHaveBeenCalled()
    expect((error as ApiError).detail).toBe('wrong user name or password')
  })

  it('reads XML as text', async () => {
    stubFetch(() => new Response('<bpmn:definitions/>', { status: 200, headers: { 'Content-Type': 'application/xml' } }))
    const xml = await http.get<string>('/api/powers/X/bpmn', { expect: 'text', query: { compiled: true, version: undefined } })

    expect(xml).toBe('<bpmn:definitions/>')
    expect(calls[0]!.url).toBe('/api/powers/X/bpmn?compiled=true')
  })
})
