import { describe, expect, it } from 'vitest'
import { drawnXml, readableNotes } from './importLayout'
import type { ImportProposal } from '@/api/designer'

const undrawn = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="urn:x">
  <process id="leave" isExecutable="true">
    <startEvent id="start"><outgoing>f1</outgoing></startEvent>
    <userTask id="review" name="审核"><incoming>f1</incoming><outgoing>f2</outgoing></userTask>
    <endEvent id="end"><incoming>f2</incoming></endEvent>
    <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
    <sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
  </process>
</definitions>`

function proposal(drawn: boolean, xml: string | null = undrawn): ImportProposal {
  return { processes: [], processId: 'leave', xml, drawn, notes: [], problems: [] }
}

describe('an imported proposal in the designer', () => {
  it('lays out a file without a diagram, every step with a shape', async () => {
    const xml = await drawnXml(proposal(false))
    for (const id of ['start', 'review', 'end']) expect(xml).toContain(`bpmnElement="${id}"`)
    expect(xml).toContain('BPMNEdge')
    expect(xml).toContain('审核')
  })

  it('keeps the diagram a file already has', async () => {
    expect(await drawnXml(proposal(true, '<definitions/>'))).toBe('<definitions/>')
  })

  it('refuses to open before a process is chosen', async () => {
    await expect(drawnXml(proposal(true, null))).rejects.toThrow()
  })

  it('does not list the missing diagram among the changes (the dialog says it once)', () => {
    const notes = readableNotes([
      { code: 'NO_DIAGRAM', elementId: 'leave', elementName: null, detail: null },
      { code: 'STEP_ADDED', elementId: 'review', elementName: '审核', detail: null },
    ])
    expect(notes.map((n) => n.code)).toEqual(['STEP_ADDED'])
  })
})
