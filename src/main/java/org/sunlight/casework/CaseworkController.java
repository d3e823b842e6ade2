package org.sunlight.casework;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.supervision.Lamp;
import org.sunlight.system.Columns;

/** Cases and tasks (API.md, "Cases and tasks"). */
@RestController
class CaseworkController {

	private final Cases cases;
	private final CaseViews views;
	private final HandlerTasks handlerTasks;
	private final CaseRecords records;

	private final CaseAccess access;

	CaseworkController(Cases cases, CaseViews views, HandlerTasks handlerTasks, CaseRecords records,
			CaseAccess access) {
		this.access = access;
		this.cases = cases;
		this.views = views;
		this.handlerTasks = handlerTasks;
		this.records = records;
	}

	@PostMapping("/api/cases")
	ResponseEntity<StartedView> start(@Valid @RequestBody(required = false) StartRequest body, Principal principal) {
		if (body == null) {
			throw new IllegalArgumentException("the body must be {powerCode, applicant:{name, idNumber?, phone?}, title?, variables?}");
		}
		Applicant applicant = body.applicant() == null ? new Applicant(null, null, null) : body.applicant();
		Cases.Started started = cases.start(body.powerCode(), applicant.name(), applicant.idNumber(), applicant.phone(),
				body.title(), body.variables(), principal.getName());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new StartedView(started.caseId(), started.caseNumber(), started.queryCode(),
					CaseViews.at(started.deadline()), CaseViews.at(started.warnAt())));
	}

	/** The applicant's personal data is shown only to those who work on the case (and supervisors, leaders). */
	@GetMapping("/api/cases/{caseId}")
	CaseViews.CaseView view(@PathVariable String caseId, Authentication user) {
		access.requireReadable(caseId, user);
		return views.view(caseId);
	}

	@GetMapping("/api/tasks")
	List<CaseViews.TaskView> tasks(@RequestParam(required = false) String scope,
			@RequestParam(required = false) String lamp, Authentication user) {
		CaseViews.Scope parsedScope = CaseViews.parse(CaseViews.Scope.class, "scope", scope);
		Lamp parsedLamp = CaseViews.parse(Lamp.class, "lamp", lamp);
		// Supervisors and leaders see every open task; handlers only theirs and their posts'.
		boolean seesAll = user.getAuthorities().stream()
			.anyMatch(a -> a.getAuthority().equals("ROLE_SUPERVISOR") || a.getAuthority().equals("ROLE_LEADER"));
		return views.tasks(parsedScope == null ? CaseViews.Scope.ALL : parsedScope, parsedLamp, user.getName(),
				seesAll).stream().filter(task -> access.taskVisible(task.caseId(), user)).toList();
	}

	@PostMapping("/api/tasks/{taskId}/claim")
	ResponseEntity<Void> claim(@PathVariable String taskId, Principal principal) {
		handlerTasks.claim(taskId, principal.getName());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/tasks/{taskId}/unclaim")
	ResponseEntity<Void> unclaim(@PathVariable String taskId, Principal principal) {
		handlerTasks.unclaim(taskId, principal.getName());
		return ResponseEntity.noContent().build();
	}

	record ReassignRequest(@Size(max = Columns.ID) String assignee) {
	}

	@PostMapping("/api/tasks/{taskId}/reassign")
	ResponseEntity<Void> reassign(@PathVariable String taskId, @Valid @RequestBody(required = false) ReassignRequest body,
			Principal principal) {
		handlerTasks.reassign(taskId, principal.getName(), body == null ? null : body.assignee());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/tasks/{taskId}/complete")
	ResponseEntity<Void> complete(@PathVariable String taskId, @Valid @RequestBody(required = false) CompleteRequest body,
			Principal principal) {
		handlerTasks.complete(taskId, principal.getName(), body == null ? null : body.variables(),
				body == null ? null : body.comment());
		return ResponseEntity.noContent().build();
	}

	record Applicant(@Size(max = Columns.NAME) String name, @Size(max = Columns.ID) String idNumber,
			@Size(max = Columns.ID) String phone) {
	}

	record StartRequest(@Size(max = Columns.ID) String powerCode, @Valid Applicant applicant,
			@Size(max = Columns.NAME) String title, Map<String, Object> variables) {
	}

	record StartedView(String caseId, String caseNumber, String queryCode, OffsetDateTime deadline,
			OffsetDateTime warnAt) {
	}

	record CompleteRequest(Map<String, Object> variables, @Size(max = Columns.TEXT) String comment) {
	}

}
