import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import zhCN from '@/i18n/zh-CN'
import en from '@/i18n/en'
import type { FormField } from '@/api/tasks'
import TaskForm from './TaskForm.vue'

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en } })
const global = { plugins: [i18n] }

function field(id: string, type: string, extra: Partial<FormField> = {}): FormField {
  return {
    id,
    label: id,
    type,
    required: false,
    readonly: false,
    min: null,
    max: null,
    minlength: null,
    maxlength: null,
    options: [],
    defaultValue: null,
    value: null,
    ...extra,
  }
}

const makeFields = (): FormField[] => [
  field('accepted', 'boolean', { label: '是否受理', required: true }),
  field('opinion', 'string', { label: '受理意见', required: true }),
  field('area', 'long', { label: '面积', min: 1, max: 100 }),
  field('method', 'enum', { label: '送达方式', options: [{ id: 'mail', name: '邮寄送达' }] }),
  field('fixed', 'string', { label: '编号', readonly: true, value: 'A-1' }),
]

async function settle() {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 10))
}

type Exposed = {
  validate: () => Promise<boolean>
  values: () => Record<string, unknown>
  showServerErrors: (errors: { field: string | null; code: string; message: string; limit: number | null }[]) => string[]
}

describe('the task form', () => {
  it('renders a control per Camunda field, marking the required ones', () => {
    const form = mount(TaskForm, { props: { fields: makeFields() }, global })
    expect(form.findAll('.el-form-item')).toHaveLength(5)
    expect(form.find('[data-testid=field-accepted] .el-radio-group').exists()).toBe(true)
    expect(form.find('[data-testid=field-area] .el-input-number').exists()).toBe(true)
    expect(form.find('[data-testid=field-method] .el-select').exists()).toBe(true)
    expect(form.find('[data-testid=field-opinion]').classes()).toContain('is-required')
  })

  it('refuses missing required values in the browser, naming each field', async () => {
    const form = mount(TaskForm, { props: { fields: makeFields() }, global })
    const exposed = form.vm as unknown as Exposed
    expect(await exposed.validate()).toBe(false)
    await settle()
    const inError = form.findAll('.el-form-item.is-error').map((e) => e.attributes('data-testid'))
    expect(inError).toEqual(['field-accepted', 'field-opinion'])
  })

  it('sends only filled, writable fields, trimmed', async () => {
    const form = mount(TaskForm, { props: { fields: makeFields() }, global })
    await form.find('[data-testid=field-opinion] textarea').setValue('  材料齐全  ')
    const values = (form.vm as unknown as Exposed).values()
    expect(values).toEqual({ opinion: '材料齐全' })
  })

  it("shows the server's field errors under their fields and returns the others", async () => {
    const form = mount(TaskForm, { props: { fields: makeFields() }, global })
    const loose = (form.vm as unknown as Exposed).showServerErrors([
      { field: 'area', code: 'MAX', message: 'area must be at most 100', limit: 100 },
      { field: 'surprise', code: 'UNKNOWN', message: "'surprise' is not a field of this form", limit: null },
    ])
    await settle()
    expect(form.find('[data-testid=field-area]').classes()).toContain('is-error')
    expect(form.find('[data-testid=field-opinion]').classes()).not.toContain('is-error')
    expect(loose).toEqual(["surprise: 'surprise' is not a field of this form"])
  })
})
