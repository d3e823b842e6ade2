import { layoutProcess } from 'bpmn-auto-layout'
import type { ImportNote, ImportProposal } from '@/api/designer'

/**
 * The proposal's XML ready for the designer: a file without a diagram is laid out with
 * bpmn-auto-layout (bpmn.io's own layouter), since bpmn-js can only show what has shapes.
 */
export async function drawnXml(proposal: ImportProposal): Promise<string> {
  if (!proposal.xml) throw new Error('no process chosen')
  return proposal.drawn ? proposal.xml : layoutProcess(proposal.xml)
}

/** Notes the user reads, in the order of the file, without the per-step skeleton notes repeated. */
export function readableNotes(notes: ImportNote[]): ImportNote[] {
  return notes.filter((note) => note.code !== 'NO_DIAGRAM')
}
