/** The my tasks area's messages; wired into src/i18n/zh-CN.ts and en.ts under 'tasks'. */
export const zhCN = {
  title: '我的待办',
}

export const en: typeof zhCN = {
  title: 'My tasks',
}
