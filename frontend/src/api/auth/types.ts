export type Role = 'ADMIN' | 'DESIGNER' | 'REVIEWER' | 'HANDLER' | 'SUPERVISOR' | 'LEADER'

export interface CurrentUser {
  username: string
  displayName: string
  roles: string[]
}
