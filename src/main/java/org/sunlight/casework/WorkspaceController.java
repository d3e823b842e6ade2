package org.sunlight.casework;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.sunlight.system.Columns;
import org.sunlight.system.InertDownload;
import org.sunlight.system.NotFoundException;

/** What the handler workspace needs beyond API.md's core: task forms, case records, orders, the live feed. */
@RestController
class WorkspaceController {

	private final CaseAccess access;
	private final Cases cases;
	private final CaseViews views;
	private final HandlerTasks handlerTasks;
	private final TaskForms forms;
	private final CaseRecords records;
	private final OrderViews orders;
	private final TaskStream stream;
	private final RuntimeService runtime;

	WorkspaceController(Cases cases, CaseViews views, HandlerTasks handlerTasks, TaskForms forms, CaseRecords records,
			OrderViews orders, TaskStream stream, RuntimeService runtime, CaseAccess access) {
		this.access = access;
		this.cases = cases;
		this.views = views;
		this.handlerTasks = handlerTasks;
		this.forms = forms;
		this.records = records;
		this.orders = orders;
		this.stream = stream;
		this.runtime = runtime;
	}

	/** A task with what its page shows: the step's documentation, its form and, for an order, the instruction. */
	record TaskDetail(CaseViews.TaskView task, String description, List<TaskForms.Field> fields, boolean mine,
			boolean claimable, String instruction, String supervisedCaseId) {
	}

	record CommentRequest(@Size(max = Columns.TEXT) String message, @Size(max = Columns.ID) String taskId) {
	}

	record AttachmentRules(long maxBytes, List<String> contentTypes) {
	}

	@GetMapping("/api/cases/startable")
	List<Cases.Startable> startable(Principal principal) {
		return cases.startable(principal.getName());
	}

	@GetMapping("/api/tasks/{taskId}")
	TaskDetail task(@PathVariable String taskId, Authentication user) {
		Task task = handlerTasks.readable(taskId, user.getName(), seesAll(user));
		if (seesAll(user)) {
			access.requireReadable(task.getProcessInstanceId(), user);
		}
		CaseViews.TaskView view = views.task(taskId).orElseThrow(() -> new NotFoundException("no open task with id " + taskId));
		String instruction = null;
		String supervisedCaseId = null;
		if (view.order()) {
			instruction = (String) runtime.getVariable(task.getProcessInstanceId(), "instruction");
			supervisedCaseId = (String) runtime.getVariable(task.getProcessInstanceId(), "supervisedCaseId");
		}
		boolean mine = user.getName().equals(task.getAssignee());
		return new TaskDetail(view, task.getDescription(), forms.fields(taskId), mine, task.getAssignee() == null,
				instruction, supervisedCaseId);
	}

	@GetMapping(path = "/api/tasks/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(Principal principal) throws IOException {
		return stream.subscribe(principal.getName());
	}

	@GetMapping("/api/orders")
	List<OrderViews.OrderView> orders(Authentication user) {
		List<OrderViews.OrderView> all = orders.list(user.getName(), seesAll(user));
		return seesAll(user) ? all.stream().filter(o -> access.taskVisible(o.caseId(), user)).toList() : all;
	}

	@GetMapping("/api/cases/{caseId}/comments")
	List<CaseRecords.CommentView> comments(@PathVariable String caseId, Authentication user) {
		return records.comments(caseId, user.getName(), scoped(caseId, user));
	}

	@PostMapping("/api/cases/{caseId}/comments")
	ResponseEntity<CaseRecords.CommentView> comment(@PathVariable String caseId,
			@Valid @RequestBody(required = false) CommentRequest body, Principal principal) {
		if (body == null) {
			throw new IllegalArgumentException("the body must be {message, taskId?}");
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(records.comment(caseId, body.taskId(), body.message(), principal.getName()));
	}

	@GetMapping("/api/cases/attachment-rules")
	AttachmentRules attachmentRules() {
		return new AttachmentRules(records.maxBytes(), records.allowedTypes());
	}

	@GetMapping("/api/cases/{caseId}/attachments")
	List<CaseRecords.AttachmentView> attachments(@PathVariable String caseId, Authentication user) {
		return records.attachments(caseId, user.getName(), scoped(caseId, user));
	}

	/** The file is the request body, its kind the Content-Type, its name a parameter: no multipart parsing. */
	@PostMapping("/api/cases/{caseId}/attachments")
	ResponseEntity<CaseRecords.AttachmentView> attach(@PathVariable String caseId, @RequestParam(required = false) @Size(max = Columns.NAME) String name,
			@RequestParam(required = false) @Size(max = Columns.ID) String taskId, HttpServletRequest request, Principal principal)
			throws IOException {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(records.attach(caseId, taskId, name, request.getContentType(), request.getContentLengthLong(),
					request.getInputStream(), principal.getName()));
	}

	@GetMapping("/api/cases/{caseId}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@PathVariable String caseId, @PathVariable String attachmentId,
			Authentication user) {
		CaseRecords.Download download = records.download(caseId, attachmentId, user.getName(), scoped(caseId, user));
		return InertDownload.of(download.content(), MediaType.parseMediaType(download.attachment().contentType()),
				download.attachment().name());
	}

	/** Supervisors and leaders read every task and case; handlers only their own and their posts'. */
	/**
	 * Supervisors and leaders read a case's records only within the departments they supervise or
	 * lead (403 otherwise); handlers are checked by the records themselves.
	 */
	private boolean scoped(String caseId, Authentication user) {
		if (!seesAll(user)) {
			return false;
		}
		access.requireReadable(caseId, user);
		return true;
	}

	static boolean seesAll(Authentication user) {
		return user.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().equals("ROLE_SUPERVISOR") || a.getAuthority().equals("ROLE_LEADER"));
	}

}
