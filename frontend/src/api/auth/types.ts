export type Role = 'ADMIN' | 'DESIGNER' | 'HANDLER' | 'SUPERVISOR' | 'LEADER'

export interface CurrentUser {
  username: string
  displayName: string
  roles: string[]
}
