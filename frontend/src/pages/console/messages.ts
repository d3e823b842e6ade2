/** The supervision console area's messages; wired into src/i18n/zh-CN.ts and en.ts under 'console'. */
export const zhCN = {
  title: '监察台',
}

export const en: typeof zhCN = {
  title: 'Supervision console',
}
