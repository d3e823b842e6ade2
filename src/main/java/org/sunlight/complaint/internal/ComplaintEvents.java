package org.sunlight.complaint.internal;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunlight.supervision.FindingKind;
import org.sunlight.supervision.Findings;

/**
 * What follows from a complaint's steps, in the engine's transaction: the investigation of a
 * complaint found substantiated (属实) or partly so, with a fault named, becomes a finding against
 * the case's step or the department; a complaint's case ending closes it (its retention starts).
 */
@Component
class ComplaintEvents {

	static final String INVESTIGATION = "Task_Investigate";

	/** The investigation form's {@code fault} choices and the findings they make. */
	private static final Map<String, FindingKind> FAULTS = Map.of("handler", FindingKind.HANDLER_AT_FAULT, "process",
			FindingKind.PROCESS_AT_FAULT);

	private final ComplaintStore store;
	private final Findings findings;

	ComplaintEvents(ComplaintStore store, Findings findings) {
		this.store = store;
		this.findings = findings;
	}

	@EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
	void onComplete(DelegateTask task) {
		if (!INVESTIGATION.equals(task.getTaskDefinitionKey())) {
			return;
		}
		store.byCase(task.getProcessInstanceId()).ifPresent(complaint -> {
			FindingKind kind = findingOf(task.getVariable("substantiated"), task.getVariable("fault"));
			if (kind == null) {
				return;
			}
			boolean ofCase = complaint.subjectCaseId() != null;
			Object investigation = task.getVariable("investigation");
			findings.recordOfComplaint(complaint.id(), ofCase ? complaint.subjectCaseId() : null,
					ofCase ? complaint.subjectTaskId() : null, complaint.subjectDepartment(), kind,
					"投诉 " + complaint.complaintNumber() + "：" + (investigation == null ? "" : investigation),
					task.getAssignee() == null ? "system" : task.getAssignee());
		});
	}

	/**
	 * The one rule of which complaints count: found substantiated or partly substantiated, with a
	 * fault named; an unsubstantiated complaint, or one where nobody is at fault, makes no finding.
	 */
	static FindingKind findingOf(Object substantiated, Object fault) {
		if (!"substantiated".equals(substantiated) && !"partly".equals(substantiated)) {
			return null;
		}
		return FAULTS.get(String.valueOf(fault));
	}

	@EventListener
	void onCase(HistoricProcessInstanceEventEntity event) {
		if (HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(event.getEventType())) {
			store.closed(event.getProcessInstanceId(), ClockUtil.getCurrentTime().toInstant());
		}
	}

}
