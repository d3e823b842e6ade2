import { currentLocale } from '@/i18n'

/** An answer other than 2xx, carrying the RFC 9457 problem when the server sent one. */
export class ApiError extends Error {
  readonly status: number
  readonly title: string
  readonly detail: string | undefined
  readonly problems: unknown[] | undefined
  /** The whole problem body, for members a module adds (e.g. `errors` of a form). */
  readonly body: Record<string, unknown> | undefined

  constructor(status: number, title: string, detail?: string, problems?: unknown[], body?: Record<string, unknown>) {
    super(detail ?? title)
    this.name = 'ApiError'
    this.status = status
    this.title = title
    this.detail = detail
    this.problems = problems
    this.body = body
  }
}

type UnauthorizedHandler = () => void

let onUnauthorized: UnauthorizedHandler = () => {
  window.location.assign(`/login?redirect=${encodeURIComponent(window.location.pathname + window.location.search)}`)
}

/** The router installs a handler that goes to the sign-in page and returns afterwards. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler) {
  onUnauthorized = handler
}

export interface RequestOptions {
  /** Sent as JSON unless it is a string, URLSearchParams or a Blob (a file). */
  body?: unknown
  query?: Record<string, string | number | boolean | undefined>
  /** `json` (default), `text`, or `none` for 204 answers. */
  expect?: 'json' | 'text' | 'none'
  /** Leave a 401 to the caller instead of going to the sign-in page. */
  quietUnauthorized?: boolean
}

const csrfCookie = 'XSRF-TOKEN'

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return decodeURIComponent(value.join('='))
  }
  return undefined
}

/**
 * Spring Security's CookieCsrfTokenRepository sets the XSRF-TOKEN cookie on any API answer;
 * before the first write of a session (or after signing in, which renews it) we may have none.
 */
async function csrfToken(): Promise<string | undefined> {
  const token = readCookie(csrfCookie)
  if (token) return token
  await fetch('/api/me', { headers: baseHeaders(), credentials: 'same-origin' }).catch(() => undefined)
  return readCookie(csrfCookie)
}

function baseHeaders(): Record<string, string> {
  return {
    'X-Requested-With': 'XMLHttpRequest',
    'Accept-Language': currentLocale(),
  }
}

/** The problem an answer other than 2xx carries, as an ApiError. */
export async function problemOf(response: Response): Promise<ApiError> {
  let title = response.statusText || `HTTP ${response.status}`
  let detail: string | undefined
  let problems: unknown[] | undefined
  let whole: Record<string, unknown> | undefined
  const type = response.headers.get('Content-Type') ?? ''
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as { title?: string; detail?: string; problems?: unknown[] }
      whole = body as Record<string, unknown>
      title = body.title ?? title
      detail = body.detail
      problems = body.problems
    } catch {
      // a broken problem body still leaves the status to go by
    }
  }
  return new ApiError(response.status, title, detail, problems, whole)
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers = baseHeaders()
  const expect = options.expect ?? 'json'
  headers.Accept = expect === 'text' ? 'application/xml, text/plain, */*' : 'application/json, application/problem+json'

  let body: BodyInit | undefined
  if (typeof Blob !== 'undefined' && options.body instanceof Blob) {
    // A file goes as it is, its kind in Content-Type (the server checks both).
    body = options.body
    headers['Content-Type'] = options.body.type || 'application/octet-stream'
  } else if (options.body instanceof URLSearchParams) {
    body = options.body
    headers['Content-Type'] = 'application/x-www-form-urlencoded;charset=UTF-8'
  } else if (typeof options.body === 'string') {
    body = options.body
    headers['Content-Type'] = 'application/xml;charset=UTF-8'
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['Content-Type'] = 'application/json'
  }

  if (method !== 'GET' && method !== 'HEAD') {
    const token = await csrfToken()
    if (token) headers['X-XSRF-TOKEN'] = token
  }

  let url = path
  if (options.query) {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(options.query)) {
      if (value !== undefined) params.set(key, String(value))
    }
    const text = params.toString()
    if (text) url += `?${text}`
  }

  const response = await fetch(url, { method, headers, body, credentials: 'same-origin' })
  if (!response.ok) {
    const error = await problemOf(response)
    if (response.status === 401 && !options.quietUnauthorized) onUnauthorized()
    throw error
  }
  if (expect === 'none' || response.status === 204) return undefined as T
  if (expect === 'text') return (await response.text()) as T
  return (await response.json()) as T
}

export const http = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, options?: RequestOptions) => request<T>('POST', path, options),
  put: <T>(path: string, options?: RequestOptions) => request<T>('PUT', path, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
}
