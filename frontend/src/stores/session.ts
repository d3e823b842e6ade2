import { computed, reactive, readonly } from 'vue'
import * as auth from '@/api/auth'
import type { CurrentUser, Role } from '@/api/auth'

const state = reactive<{ user: CurrentUser | null; checked: boolean }>({ user: null, checked: false })

/** The signed-in user, shared by the header, the router guard and the sign-in page. */
export function useSession() {
  return {
    state: readonly(state),
    user: computed(() => state.user),
    hasRole: (role: Role) => state.user?.roles.includes(role) ?? false,
  }
}

/** Asks the server once per page load (and after sign-in or sign-out it is set directly). */
export async function ensureUser(): Promise<CurrentUser | null> {
  if (!state.checked) {
    state.user = await auth.fetchMe()
    state.checked = true
  }
  return state.user
}

export async function signIn(username: string, password: string): Promise<CurrentUser> {
  const user = await auth.signIn(username, password)
  state.user = user
  state.checked = true
  return user
}

export async function signOut(): Promise<void> {
  try {
    await auth.signOut()
  } finally {
    forgetUser()
  }
}

/** After a 401 the session is gone; the next navigation asks again. */
export function forgetUser() {
  state.user = null
  state.checked = false
}
