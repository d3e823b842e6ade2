package org.sunlight.modeling.internal.compiler;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

/**
 * Puts the case-level clocks on the power's process: per level an event sub-process started by a
 * non-interrupting timer, whose end event raises the case's escalation. An event sub-process lives
 * as long as the process instance, so the case clocks run whatever step the case is in.
 */
final class CaseClocks {

	private CaseClocks() {
	}

	static void add(Element process, ClockParts parts) {
		List<Element> added = new ArrayList<>();
		for (Level level : Level.values()) {
			added.add(clock(level, parts));
		}
		ClockParts.addToContainer(process, added);
	}

	private static Element clock(Level level, ClockParts parts) {
		Element subProcess = parts.node("subProcess", level.caseSubProcess(), level.caseName);
		subProcess.setAttributeNS(null, "triggeredByEvent", "true");
		Element start = parts.node("startEvent", level.caseStart(), level.caseStartName);
		start.setAttributeNS(null, "isInterrupting", "false");
		parts.outgoing(start, level.caseFlow());
		start.appendChild(parts.timer(level.caseTimer(), level.caseTimeDate()));
		subProcess.appendChild(start);
		subProcess.appendChild(parts.flow(level.caseFlow(), level.caseStart(), level.caseEnd()));
		subProcess.appendChild(parts.raisingEnd(level.caseEnd(), level.endName, level.caseFlow(), level.caseRaise()));
		return subProcess;
	}

}
