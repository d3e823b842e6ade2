/**
 * The template of a new power: 受理 → 审查 → 决定 → 送达, each step with a post, a time limit,
 * the supervisor and the risk points such steps usually carry. Limits add up to the promised 10
 * working days (statutory 20), so a fresh power validates once its legal basis is filled in.
 */
export interface TemplateInput {
  code: string
  name: string
  category: string
  department: string
  legalBasis?: string
  /** Posts for the steps, from the organisation; the department when none fits. */
  posts: { accept: string; review: string; decide: string; deliver: string }
  supervisor: string
  labels: { accept: string; review: string; decide: string; deliver: string; start: string; end: string; approved: string }
  risks: { accept: string; acceptMeasure: string; review: string; reviewMeasure: string; decide: string; decideMeasure: string }
}

/** A process id from a power code: `XK-LAND-001` → `power_xk_land_001` (a valid NCName). */
export function processIdOf(code: string): string {
  const slug = code
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  return `power_${slug || 'new'}`
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * Picks a post whose id contains one of the hints, preferring those of the department's own
 * family (`land-bureau` → `land-reviewer`), else the fallback.
 */
export function pickPost(posts: string[], hints: string[], fallback: string): string {
  const family = fallback.split(/[-_.]/)[0] ?? ''
  const fitting = posts.filter((post) => hints.some((hint) => post.includes(hint)))
  return fitting.find((post) => family !== '' && post.startsWith(`${family}-`)) ?? fitting[0] ?? fallback
}

export function templateXml(input: TemplateInput): string {
  const e = escape
  const id = processIdOf(input.code)
  const legal = input.legalBasis ? ` legalBasis="${e(input.legalBasis)}"` : ''
  const task = (
    taskId: string,
    name: string,
    post: string,
    limit: string,
    warn: string,
    level: number,
    risk: string,
    measure: string,
    form = '',
  ) => `    <bpmn:userTask id="${taskId}" name="${e(name)}" camunda:candidateGroups="${e(post)}">
      <bpmn:extensionElements>${form}
        <sl:step timeLimit="${limit}" warnBefore="${warn}" supervisor="${e(input.supervisor)}" riskLevel="${level}">
          <sl:risk level="${level}" description="${e(risk)}" measure="${e(measure)}"/>
        </sl:step>
      </bpmn:extensionElements>
    </bpmn:userTask>`
  const form = `
        <camunda:formData>
          <camunda:formField id="approved" label="${e(input.labels.approved)}" type="boolean"/>
        </camunda:formData>`
  const l = input.labels
  const r = input.risks
  const shapes: Array<[string, number, number, number, number]> = [
    ['Start', 152, 102, 36, 36],
    ['Task_Accept', 240, 80, 100, 80],
    ['Task_Review', 400, 80, 100, 80],
    ['Task_Decide', 560, 80, 100, 80],
    ['Task_Deliver', 720, 80, 100, 80],
    ['End', 882, 102, 36, 36],
  ]
  const edges: Array<[string, number, number]> = [
    ['Flow_Accept', 188, 240],
    ['Flow_Review', 340, 400],
    ['Flow_Decide', 500, 560],
    ['Flow_Deliver', 660, 720],
    ['Flow_End', 820, 882],
  ]
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:sl="urn:sunlight:bpmn:1.0" id="Definitions_${id}" targetNamespace="urn:sunlight:powers" exporter="Sunlight">
  <bpmn:process id="${id}" name="${e(input.name)}" isExecutable="true">
    <bpmn:extensionElements>
      <sl:power code="${e(input.code)}" category="${e(input.category)}" department="${e(input.department)}"${legal} statutoryLimit="P20D" promisedLimit="P10D" calendar="workday" public="true" fee="0"/>
    </bpmn:extensionElements>
    <bpmn:startEvent id="Start" name="${e(l.start)}"/>
    <bpmn:sequenceFlow id="Flow_Accept" sourceRef="Start" targetRef="Task_Accept"/>
${task('Task_Accept', l.accept, input.posts.accept, 'P1D', 'PT4H', 3, r.accept, r.acceptMeasure)}
    <bpmn:sequenceFlow id="Flow_Review" sourceRef="Task_Accept" targetRef="Task_Review"/>
${task('Task_Review', l.review, input.posts.review, 'P5D', 'P1D', 2, r.review, r.reviewMeasure)}
    <bpmn:sequenceFlow id="Flow_Decide" sourceRef="Task_Review" targetRef="Task_Decide"/>
${task('Task_Decide', l.decide, input.posts.decide, 'P3D', 'P1D', 1, r.decide, r.decideMeasure, form)}
    <bpmn:sequenceFlow id="Flow_Deliver" sourceRef="Task_Decide" targetRef="Task_Deliver"/>
${task('Task_Deliver', l.deliver, input.posts.deliver, 'P1D', 'PT4H', 3, r.accept, r.acceptMeasure)}
    <bpmn:sequenceFlow id="Flow_End" sourceRef="Task_Deliver" targetRef="End"/>
    <bpmn:endEvent id="End" name="${e(l.end)}"/>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${id}">
    <bpmndi:BPMNPlane id="Plane_${id}" bpmnElement="${id}">
${shapes.map(([el, x, y, w, h]) => `      <bpmndi:BPMNShape id="${el}_di" bpmnElement="${el}"><dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}"/></bpmndi:BPMNShape>`).join('\n')}
${edges.map(([el, from, to]) => `      <bpmndi:BPMNEdge id="${el}_di" bpmnElement="${el}"><di:waypoint x="${from}" y="120"/><di:waypoint x="${to}" y="120"/></bpmndi:BPMNEdge>`).join('\n')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`
}
