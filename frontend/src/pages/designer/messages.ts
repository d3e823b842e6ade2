/** The process designer area's messages; wired into src/i18n/zh-CN.ts and en.ts under 'designer'. */
export const zhCN = {
  title: '流程设计',
}

export const en: typeof zhCN = {
  title: 'Process designer',
}
