import { ApiError, http } from '../http'
import type { CurrentUser } from './types'

export type { CurrentUser, Role } from './types'

/** Who is signed in, or null; also hands out the XSRF-TOKEN cookie. */
export async function fetchMe(): Promise<CurrentUser | null> {
  try {
    return await http.get<CurrentUser>('/api/me', { quietUnauthorized: true })
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null
    throw e
  }
}

/** Spring Security's form login; 401 with a problem whose detail says why. */
export function signIn(username: string, password: string): Promise<CurrentUser> {
  return http.post<CurrentUser>('/login', {
    body: new URLSearchParams({ username, password }),
    quietUnauthorized: true,
  })
}

export function signOut(): Promise<void> {
  return http.post<void>('/logout', { expect: 'none', quietUnauthorized: true })
}
