package org.sunlight.casework;

import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.sunlight.casework.internal.CaseStore;
import org.sunlight.identity.Organisation;
import org.sunlight.identity.Roles;
import org.sunlight.modeling.PowerDescription;
import org.sunlight.modeling.PowerVersions;
import org.sunlight.supervision.CaseReaders;

/**
 * Who may read a case: supervisors (and administrators) of its department, the leaders its red
 * alarms would reach, and handlers who work or worked on it or started it. Everyone else gets
 * 403 and never the data. Unknown cases are left to the caller's 404.
 */
@Component
class CaseAccess implements CaseReaders {

	private final HistoryService history;
	private final TaskService tasks;
	private final CaseStore cases;
	private final PowerVersions powers;
	private final Organisation organisation;

	CaseAccess(HistoryService history, TaskService tasks, CaseStore cases, PowerVersions powers,
			Organisation organisation) {
		this.history = history;
		this.tasks = tasks;
		this.cases = cases;
		this.powers = powers;
		this.organisation = organisation;
	}

	@Override
	public void requireReadable(String caseId, Authentication caller) {
		HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
			.processInstanceId(caseId)
			.singleResult();
		if (instance == null) {
			return;
		}
		String user = caller.getName();
		String department = department(instance.getProcessDefinitionId()).orElse(null);
		if ((Roles.of(caller, Roles.SUPERVISOR) || Roles.of(caller, Roles.ADMIN))
				&& organisation.supervisionScope(user).covers(department)) {
			return;
		}
		if (Roles.of(caller, Roles.LEADER) && isAccountableLeader(user, department)) {
			return;
		}
		if (Roles.of(caller, Roles.HANDLER) && worksOn(caseId, user)) {
			return;
		}
		throw new AccessDeniedException("case " + caseId + " is not one of yours"
				+ (department == null ? "" : " nor of a department you supervise"));
	}

	/**
	 * Supervisors see the tasks of the departments they supervise, leaders those of the
	 * departments they answer for; handlers' tasks are already limited by the task query.
	 */
	boolean taskVisible(String caseId, Authentication caller) {
		if (!Roles.of(caller, Roles.SUPERVISOR) && !Roles.of(caller, Roles.LEADER)) {
			return true;
		}
		if (Roles.of(caller, Roles.SUPERVISOR) && organisation.supervisionScope(caller.getName()).all()) {
			return true;
		}
		try {
			requireReadable(caseId, caller);
			return true;
		}
		catch (AccessDeniedException ex) {
			return false;
		}
	}

	private boolean isAccountableLeader(String user, String department) {
		String me = "user:" + user;
		for (int level = 1; level <= 3; level++) {
			if (organisation.leadersFor(department, level).contains(me)) {
				return true;
			}
		}
		return false;
	}

	private boolean worksOn(String caseId, String user) {
		return tasks.createTaskQuery().processInstanceId(caseId).or().taskAssignee(user).taskCandidateUser(user).endOr()
			.count() > 0
				|| history.createHistoricTaskInstanceQuery().processInstanceId(caseId).taskAssignee(user).count() > 0
				|| cases.find(caseId).map(row -> user.equals(row.startedBy())).orElse(false);
	}

	private Optional<String> department(String processDefinitionId) {
		return powers.describe(processDefinitionId).map(PowerDescription::department);
	}

}
