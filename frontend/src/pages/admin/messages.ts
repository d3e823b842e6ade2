/** The administration area's messages; wired into src/i18n/zh-CN.ts and en.ts under 'admin'. */
export const zhCN = {
  title: '系统管理',
}

export const en: typeof zhCN = {
  title: 'Administration',
}
