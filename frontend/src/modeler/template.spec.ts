import { describe, expect, it } from 'vitest'
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle'
import camunda from 'camunda-bpmn-moddle/resources/camunda.json'
import sl from './descriptors/sl.json'
import { pickPost, processIdOf, templateXml } from './template'

const input = {
  code: 'XK-TEST-001',
  name: '测试 <许可> & "事项"',
  category: 'LICENSING',
  department: 'land-bureau',
  posts: { accept: 'land-window', review: 'land-reviewer', decide: 'land-leader', deliver: 'land-window' },
  supervisor: 'group:discipline-office',
  labels: { start: '申请', accept: '受理', review: '审查', decide: '决定', deliver: '送达', end: '办结', approved: '是否准予' },
  risks: { accept: 'a', acceptMeasure: 'am', review: 'r', reviewMeasure: 'rm', decide: 'd', decideMeasure: 'dm' },
}

describe('the new-power template', () => {
  it('derives a valid process id from the code', () => {
    expect(processIdOf('XK-LAND-001')).toBe('power_xk_land_001')
    expect(processIdOf('--')).toBe('power_new')
  })

  it('picks posts by hint, else the fallback', () => {
    expect(pickPost(['a-window', 'b-reviewer'], ['review'], 'dept')).toBe('b-reviewer')
    expect(pickPost([], ['review'], 'dept')).toBe('dept')
    expect(pickPost(['budget-reviewer', 'land-reviewer'], ['review'], 'land-bureau')).toBe('land-reviewer')
  })

  it('is a well-formed power with four supervised steps whose limits add up to the promised limit', async () => {
    const { rootElement, warnings } = await BpmnModdle({ sl, camunda }).fromXML(templateXml(input))
    expect(warnings).toEqual([])
    const process = (rootElement.get('rootElements') as ModdleElement[])[0]!
    expect(process.get('name')).toBe('测试 <许可> & "事项"')
    const tasks = (process.get('flowElements') as ModdleElement[]).filter((e) => e.$type === 'bpmn:UserTask')
    expect(tasks.map((t) => t.get('name'))).toEqual(['受理', '审查', '决定', '送达'])
    const steps = tasks.map((t) => ((t.get('extensionElements') as ModdleElement).get('values') as ModdleElement[]).find((v) => v.$type === 'sl:Step')!)
    const days = steps.map((s) => Number(String(s.get('timeLimit')).replace(/\D/g, '')))
    expect(days.reduce((a, b) => a + b, 0)).toBe(10)
    expect(steps.every((s) => s.get('supervisor') === 'group:discipline-office')).toBe(true)
  })
})
