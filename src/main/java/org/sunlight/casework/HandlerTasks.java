package org.sunlight.casework;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;
import org.sunlight.system.NotFoundException;
import org.sunlight.system.UnprocessableException;

/**
 * What a handler does with a task: claim it from a post, give it back, complete it. Each call
 * checks before it acts, in one transaction, so a refused call changes nothing.
 */
@Service
public class HandlerTasks {

	private final TaskService tasks;
	private final FormService forms;
	private final IdentityService identity;
	private final TaskForms taskForms;
	private final AuditTrail audit;

	HandlerTasks(TaskService tasks, FormService forms, IdentityService identity, TaskForms taskForms,
			AuditTrail audit) {
		this.audit = audit;
		this.tasks = tasks;
		this.forms = forms;
		this.identity = identity;
		this.taskForms = taskForms;
	}

	/**
	 * Who may read a task: its assignee, a member of its posts while nobody holds it, and those who
	 * see every task (supervisors, leaders). Anyone else is refused, naming who holds it.
	 */
	public Task readable(String taskId, String user, boolean seesAll) {
		Task task = task(taskId);
		if (seesAll || user.equals(task.getAssignee())) {
			return task;
		}
		if (task.getAssignee() != null) {
			throw new TaskHeldException(taskId, task.getAssignee(), HttpStatus.FORBIDDEN);
		}
		if (tasks.createTaskQuery().taskId(taskId).taskCandidateUser(user).count() == 0) {
			throw new AccessDeniedException("task " + taskId + " is not offered to you or your posts");
		}
		return task;
	}

	@Transactional
	public void claim(String taskId, String user) {
		Task task = task(taskId);
		if (user.equals(task.getAssignee())) {
			return;
		}
		if (task.getAssignee() != null) {
			throw new TaskHeldException(taskId, task.getAssignee(), HttpStatus.CONFLICT);
		}
		if (tasks.createTaskQuery().taskId(taskId).taskCandidateUser(user).count() == 0) {
			throw new AccessDeniedException("task " + taskId + " is not offered to you or your posts");
		}
		tasks.claim(taskId, user);
		audit.record(AuditAction.TASK_CLAIMED, user, "task", taskId, facts(task));
	}

	@Transactional
	public void unclaim(String taskId, String user) {
		Task task = task(taskId);
		if (!user.equals(task.getAssignee())) {
			throw new AccessDeniedException("only the assignee can give task " + taskId + " back");
		}
		tasks.setAssignee(taskId, null);
		audit.record(AuditAction.TASK_UNCLAIMED, user, "task", taskId, facts(task));
	}

	/**
	 * Hands a task over to a colleague (转办) who could have claimed it: someone in one of its posts.
	 * The step's clock runs on; the hand-over is in the audit trail.
	 */
	@Transactional
	public void reassign(String taskId, String user, String assignee) {
		Task task = task(taskId);
		if (!user.equals(task.getAssignee())) {
			throw new AccessDeniedException("only the assignee can hand task " + taskId + " over");
		}
		if (assignee == null || assignee.isBlank()) {
			throw new IllegalArgumentException("assignee is required: the colleague who takes the task over");
		}
		String to = assignee.trim();
		if (to.equals(user)) {
			throw new IllegalArgumentException("task " + taskId + " is already yours");
		}
		if (tasks.createTaskQuery().taskId(taskId).taskCandidateUser(to).includeAssignedTasks().count() == 0) {
			throw new UnprocessableException(to + " is not in a post this task is offered to");
		}
		tasks.setAssignee(taskId, to);
		Map<String, Object> facts = new java.util.HashMap<>(facts(task));
		facts.put("from", user);
		facts.put("to", to);
		audit.record(AuditAction.TASK_REASSIGNED, user, "task", taskId, facts);
	}

	@Transactional
	public void complete(String taskId, String user, Map<String, Object> variables, String comment) {
		Task task = task(taskId);
		if (task.getAssignee() != null && !user.equals(task.getAssignee())) {
			throw new TaskHeldException(taskId, task.getAssignee(), HttpStatus.CONFLICT);
		}
		if (!user.equals(task.getAssignee())) {
			throw new AccessDeniedException("task " + taskId + " is not assigned to you; claim it first");
		}
		if (comment != null && comment.length() > 4000) {
			throw new IllegalArgumentException("comment is longer than 4000 characters");
		}
		boolean hasForm = taskForms.hasForm(taskId);
		// A form's fields are checked here, all at once, with a 422 naming each; without one the
		// plain-variable rules of starting a case apply.
		Map<String, Object> values = hasForm ? taskForms.check(taskId, variables) : Cases.checked(variables);
		if (comment != null && !comment.isBlank()) {
			identity.setAuthenticatedUserId(user);
			try {
				tasks.createComment(taskId, task.getProcessInstanceId(), comment.trim());
			}
			finally {
				identity.clearAuthentication();
			}
		}
		audit.record(AuditAction.TASK_COMPLETED, user, "task", taskId, facts(task));
		if (hasForm) {
			try {
				// The engine applies the form's constraints again, including custom validators.
				forms.submitTaskForm(taskId, values);
			}
			catch (FormException ex) {
				throw new FormInvalidException(List.of(new TaskForms.FieldError(null, "INVALID", ex.getMessage(), null)));
			}
		}
		else {
			tasks.complete(taskId, values);
		}
	}

	private static Map<String, Object> facts(Task task) {
		return Map.of("caseId", task.getProcessInstanceId(), "step", task.getTaskDefinitionKey());
	}

	private Task task(String taskId) {
		Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			throw new NotFoundException("no open task with id " + taskId);
		}
		return task;
	}

}
