import { describe, expect, it } from 'vitest'
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle'
import camunda from 'camunda-bpmn-moddle/resources/camunda.json'
import sl from './sl.json'
import fixture from './__fixtures__/land-use-approval.bpmn?raw'


function moddle() {
  return BpmnModdle({ sl, camunda })
}

function elements(definitions: ModdleElement) {
  const process = (definitions.get('rootElements') as ModdleElement[])[0]!
  const flow = process.get('flowElements') as ModdleElement[]
  const byId = (id: string) => flow.find((e) => e.get('id') === id)!
  const extension = (e: ModdleElement) =>
    ((e.get('extensionElements') as ModdleElement | undefined)?.get('values') as ModdleElement[] | undefined) ?? []
  return { process, byId, extension }
}

function expectSunlightValues(definitions: ModdleElement) {
  const { process, byId, extension } = elements(definitions)

  const [power] = extension(process)
  expect(power!.$type).toBe('sl:Power')
  expect({
    code: power!.get('code'),
    category: power!.get('category'),
    department: power!.get('department'),
    legalBasis: power!.get('legalBasis'),
    statutoryLimit: power!.get('statutoryLimit'),
    promisedLimit: power!.get('promisedLimit'),
    calendar: power!.get('calendar'),
    public: power!.get('public'),
    fee: power!.get('fee'),
  }).toEqual({
    code: 'XK-LAND-001',
    category: 'LICENSING',
    department: 'land-bureau',
    legalBasis: '《中华人民共和国土地管理法》第四十四条',
    statutoryLimit: 'P20D',
    promisedLimit: 'P10D',
    calendar: 'workday',
    public: true,
    fee: '0',
  })

  const [step] = extension(byId('Task_Review'))
  expect(step!.$type).toBe('sl:Step')
  expect(step!.get('timeLimit')).toBe('P3D')
  expect(step!.get('warnBefore')).toBe('P1D')
  expect(step!.get('supervisor')).toBe('group:discipline-office')
  expect(step!.get('riskLevel')).toBe(2)

  const risks = step!.get('risks') as ModdleElement[]
  expect(risks.map((r) => r.$type)).toEqual(['sl:Risk', 'sl:Risk'])
  expect(risks.map((r) => [r.get('code'), r.get('level'), r.get('description'), r.get('measure')])).toEqual([
    ['R-LAND-07', 2, '审查中降低标准、人情审批', '双人审查，结果系统留痕并公示'],
    ['R-LAND-08', 3, '超时审查', '系统计时，超时亮灯'],
  ])

  const accept = byId('Task_Accept')
  expect(accept.get('sl:unsupervised')).toBe('窗口即时办理')
  expect(accept.get('camunda:assignee')).toBe('handler1')
}

describe('the sl: moddle descriptor', () => {
  it('names the package as BPMN-EXTENSION.md does', () => {
    expect(sl.name).toBe('Sunlight')
    expect(sl.prefix).toBe('sl')
    expect(sl.uri).toBe('urn:sunlight:bpmn:1.0')
    expect(sl.xml).toEqual({ tagAlias: 'lowerCase' })
  })

  it('reads sl:power, sl:step, sl:risk and sl:unsupervised without warnings', async () => {
    const { rootElement, warnings } = await moddle().fromXML(fixture)
    expect(warnings).toEqual([])
    expectSunlightValues(rootElement)
  })

  it('writes them back unchanged', async () => {
    const { rootElement } = await moddle().fromXML(fixture)
    const { xml } = await moddle().toXML(rootElement, { format: true })

    expect(xml).toContain('<sl:power code="XK-LAND-001"')
    expect(xml).toContain('<sl:step timeLimit="P3D" warnBefore="P1D" supervisor="group:discipline-office" riskLevel="2">')
    expect(xml).toContain('<sl:risk code="R-LAND-07" level="2"')
    expect(xml).toContain('sl:unsupervised="窗口即时办理"')

    const again = await moddle().fromXML(xml)
    expect(again.warnings).toEqual([])
    expectSunlightValues(again.rootElement)
  })
})
