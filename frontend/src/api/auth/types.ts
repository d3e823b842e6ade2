export type Role = 'ADMIN' | 'DESIGNER' | 'HANDLER' | 'SUPERVISOR'

export interface CurrentUser {
  username: string
  displayName: string
  roles: string[]
}
