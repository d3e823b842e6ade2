package org.sunlight.supervision;

import org.camunda.bpm.engine.TaskService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.sunlight.identity.Organisation;
import org.sunlight.modeling.PowerDescription;
import org.sunlight.modeling.PowerVersions;
import org.sunlight.supervision.internal.ClockStore;

/**
 * Who may act on a case's clock: the handlers who work on it now (its open tasks are theirs or
 * their posts'), and for extensions the leader accountable for its department. A case without a
 * clock is left to the caller's 404 or 409.
 */
@Component
class CaseParticipants {

	private final TaskService tasks;
	private final ClockStore clocks;
	private final PowerVersions powers;
	private final Organisation organisation;

	CaseParticipants(TaskService tasks, ClockStore clocks, PowerVersions powers, Organisation organisation) {
		this.tasks = tasks;
		this.clocks = clocks;
		this.powers = powers;
		this.organisation = organisation;
	}

	void requireHandler(String caseId, String user) {
		if (clocks.caseClock(caseId).isEmpty()) {
			return;
		}
		if (tasks.createTaskQuery().processInstanceId(caseId).or().taskAssignee(user).taskCandidateUser(user).endOr()
			.count() == 0) {
			throw new AccessDeniedException("case " + caseId + " has no open task of yours or your posts");
		}
	}

	void requireAccountableLeader(String caseId, String user) {
		String department = clocks.caseDefinitionId(caseId)
			.flatMap(powers::describe)
			.map(PowerDescription::department)
			.orElse(null);
		if (department == null) {
			return;
		}
		if (!organisation.mayDecideExtension(user, department)) {
			throw new AccessDeniedException("only the unit's principal leader or the deputy in charge of department "
					+ department + " may decide this extension");
		}
	}

}
