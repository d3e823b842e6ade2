package org.sunlight.complaint;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;
import org.sunlight.casework.CaseViews;
import org.sunlight.casework.Cases;
import org.sunlight.catalog.Catalog;
import org.sunlight.complaint.internal.ComplaintChallenges;
import org.sunlight.complaint.internal.ComplaintStore;
import org.sunlight.complaint.internal.ComplaintStore.ComplaintRow;
import org.sunlight.identity.OrgChart;
import org.sunlight.identity.Organisation;
import org.sunlight.modeling.PowerDescription;
import org.sunlight.modeling.PowerVersions;
import org.sunlight.modeling.SystemPowers;
import org.sunlight.portal.LookupThrottle;
import org.sunlight.system.InvalidParameterException;
import org.sunlight.system.NotFoundException;

/**
 * Filing and following complaints. A complaint is a case of the system power {@value #POWER}
 * started by Sunlight for the public: its case number is the complaint number, its query code
 * the complainant's. A complaint about a case must name it by number and query code, checked like
 * the progress lookup and counted against the same per-address limit.
 */
@Service
public class Complaints {

	/** The power code of {@code complaint.bpmn}, deployed at start-up. */
	public static final String POWER = "SYS-COMPLAINT";
	/** The longest complainant name. */
	static final int MAX_NAME = 64;
	static final String ACTOR = "public";
	/** The case's applicant of an anonymous complaint. */
	static final String ANONYMOUS = "匿名";
	/** Digits, perhaps with spaces or dashes (0571-8888 6666, 138 1234 5678), 7 to 20 characters. */
	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,18}[0-9]");

	private final Cases cases;
	private final CaseViews views;
	private final Catalog catalog;
	private final Organisation organisation;
	private final PowerVersions versions;
	private final HistoryService history;
	private final TaskService tasks;
	private final LookupThrottle throttle;
	private final ComplaintChallenges challenges;
	private final ComplaintStore store;
	private final AuditTrail audit;
	private final MessageSource messages;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;

	Complaints(Cases cases, CaseViews views, Catalog catalog, Organisation organisation, PowerVersions versions,
			HistoryService history, TaskService tasks, LookupThrottle throttle, ComplaintChallenges challenges,
			ComplaintStore store, AuditTrail audit, MessageSource messages, TransactionTemplate transactions,
			ApplicationEventPublisher events) {
		this.cases = cases;
		this.views = views;
		this.catalog = catalog;
		this.organisation = organisation;
		this.versions = versions;
		this.history = history;
		this.tasks = tasks;
		this.throttle = throttle;
		this.challenges = challenges;
		this.store = store;
		this.audit = audit;
		this.messages = messages;
		this.transactions = transactions;
		this.events = events;
	}

	/** What a complaint is about, resolved: a label for people, and the case, step, power and department it names. */
	private record Subject(ComplaintProgress.SubjectKind kind, String label, String caseId, String taskId,
			String powerCode, String department) {
	}

	public ComplaintChallenges.Challenge challenge() {
		return challenges.create();
	}

	/**
	 * Files a complaint: every field checked first, then the challenge used up, then the case it
	 * names (throttled), then the case of the complaint started, all or nothing.
	 */
	public Filed file(Filing filing, String client) {
		if (filing == null) {
			throw invalid("complaint.bodyRequired", "the body must be a complaint");
		}
		ComplaintProgress.SubjectKind kind = kind(filing.subjectKind());
		String text = required(filing.text(), "text");
		String solution = required(filing.challenge(), "challenge");
		boolean anonymous = Boolean.TRUE.equals(filing.anonymous());
		// An anonymous complaint keeps nothing of who sent it, even if the form sent it along.
		String name = anonymous ? null : required(filing.name(), "name");
		String phone = anonymous ? null : required(filing.phone(), "phone");
		if (phone != null && !PHONE.matcher(phone).matches()) {
			throw invalid("complaint.phoneInvalid", "phone must be 7 to 20 digits (spaces and dashes allowed)");
		}
		Subject subject = switch (kind) {
			case POWER -> power(required(filing.powerCode(), "powerCode"));
			case DEPARTMENT -> department(required(filing.departmentId(), "departmentId"));
			case CASE -> {
				required(filing.caseNumber(), "caseNumber");
				required(filing.caseQueryCode(), "caseQueryCode");
				yield null;
			}
		};
		challenges.verifyAndUse(solution);
		Subject about = subject != null ? subject
				: ofCase(filing.caseNumber().trim(), filing.caseQueryCode(), client);
		return transactions.execute(status -> start(about, text, name, phone, client));
	}

	private Filed start(Subject subject, String text, String name, String phone, String client) {
		Instant now = ClockUtil.getCurrentTime().toInstant();
		Map<String, Object> variables = new HashMap<>();
		variables.put("complaintText", text);
		variables.put("complaintSubject", subject.kind().name());
		String title = "投诉举报：" + subject.label();
		Cases.Started started = cases.startSystemCase(POWER, name == null ? ANONYMOUS : name.trim(), Phones.mask(phone),
				title.length() > 255 ? title.substring(0, 255) : title, variables, ACTOR);
		store.insert(new ComplaintRow(UUID.randomUUID().toString(), started.caseId(), started.caseNumber(),
				subject.kind().name(), subject.caseId(), subject.taskId(), subject.powerCode(), subject.department(),
				subject.label(), name == null, name == null ? null : name.trim(), phone == null ? null : phone.trim(),
				now, null, null));
		audit.record(AuditAction.COMPLAINT_FILED, ACTOR, "case", started.caseId(),
				Map.of("complaintNumber", started.caseNumber(), "subjectKind", subject.kind().name(), "subject",
						subject.label(), "anonymous", name == null, "client", client));
		Task accept = tasks.createTaskQuery().processInstanceId(started.caseId()).singleResult();
		events.publishEvent(new ComplaintFiled(started.caseNumber(), started.caseId(), subject.label(),
				catalog.power(POWER).map(Catalog.PowerEntry::department).orElse(null),
				accept == null ? List.of() : tasks.getIdentityLinksForTask(accept.getId()).stream()
					.filter(link -> link.getGroupId() != null)
					.map(link -> link.getGroupId())
					.toList()));
		return new Filed(started.caseNumber(), started.queryCode(), at(now),
				accept == null || accept.getDueDate() == null ? null : at(accept.getDueDate().toInstant()));
	}

	private Subject power(String code) {
		Catalog.PowerEntry power = catalog.power(code.trim())
			.filter(p -> p.isPublic() && !SystemPowers.isSystem(p.code()))
			.orElseThrow(() -> invalid("portal.powerNotFound", "no public power with code " + code));
		return new Subject(ComplaintProgress.SubjectKind.POWER, power.name() + "（" + power.code() + "）", null, null,
				power.code(), power.department());
	}

	private Subject department(String id) {
		OrgChart.Department department = organisation.department(id.trim())
			.orElseThrow(() -> invalid("complaint.departmentNotFound", "no department " + id));
		return new Subject(ComplaintProgress.SubjectKind.DEPARTMENT, department.name(), null, null, null,
				department.id());
	}

	/**
	 * The case a complaint names, checked like the progress lookup: the same answer for a wrong code
	 * and an unknown number, and a failure counts against the client's lookups. The finding of a
	 * substantiated complaint goes against the step open now, else the last one done.
	 */
	private Subject ofCase(String caseNumber, String queryCode, String client) {
		throttle.takeOrRefuse(client, () -> recordCaseCheck(caseNumber, null, "THROTTLED", client));
		Optional<String> caseId = cases.caseIdFor(caseNumber, queryCode).filter(id -> !SystemPowers.isSystem(caseNumber));
		if (caseId.isEmpty()) {
			recordCaseCheck(caseNumber, null, "NOT_FOUND", client);
			throw invalid("portal.caseNotFound", "no case matches this case number and query code");
		}
		throttle.giveBack(client);
		recordCaseCheck(caseNumber, caseId.get(), "FOUND", client);
		CaseViews.CaseView view = views.view(caseId.get());
		String taskId = tasks.createTaskQuery().processInstanceId(caseId.get()).orderByTaskCreateTime().asc().list()
			.stream().map(Task::getId).findFirst()
			.orElseGet(() -> history.createHistoricTaskInstanceQuery().processInstanceId(caseId.get()).finished()
				.orderByHistoricTaskInstanceEndTime().desc().list().stream()
				.map(HistoricTaskInstance::getId).findFirst().orElse(null));
		return new Subject(ComplaintProgress.SubjectKind.CASE, caseNumber, caseId.get(), taskId, view.powerCode(),
				view.department());
	}

	private void recordCaseCheck(String caseNumber, String caseId, String result, String client) {
		audit.record(AuditAction.PUBLIC_CASE_LOOKUP, ACTOR, "case", caseId,
				Map.of("caseNumber", caseNumber, "result", result, "client", client, "purpose", "complaint"));
	}

	/** The complainant's lookup: throttled and audited like a case's, the same 404 for a wrong code or number. */
	public ComplaintProgress follow(String complaintNumber, String queryCode, String client) {
		if (queryCode == null || queryCode.isBlank()) {
			throw invalid("portal.queryCodeRequired", "queryCode is required");
		}
		throttle.takeOrRefuse(client, () -> recordLookup(complaintNumber, null, "THROTTLED", client));
		Optional<String> caseId = cases.caseIdFor(complaintNumber, queryCode)
			.filter(id -> complaintNumber.startsWith(POWER + "-"));
		if (caseId.isEmpty()) {
			recordLookup(complaintNumber, null, "NOT_FOUND", client);
			throw new NotFoundException(message("complaint.notFound"));
		}
		throttle.giveBack(client);
		recordLookup(complaintNumber, caseId.get(), "FOUND", client);
		return progress(caseId.get());
	}

	private void recordLookup(String number, String caseId, String result, String client) {
		audit.record(AuditAction.PUBLIC_COMPLAINT_LOOKUP, ACTOR, "case", caseId,
				Map.of("complaintNumber", number, "result", result, "client", client));
	}

	private ComplaintProgress progress(String caseId) {
		CaseViews.CaseView view = views.view(caseId);
		ComplaintRow row = store.byCase(caseId).orElseThrow(() -> new NotFoundException(message("complaint.notFound")));
		Map<String, Object> variables = history.createHistoricVariableInstanceQuery()
			.processInstanceId(caseId)
			.variableNameIn("accepted", "acceptOpinion", "substantiated", "answer")
			.list()
			.stream()
			.filter(v -> v.getValue() != null)
			.collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> b));
		Map<String, String> posts = organisation.chart().posts().stream()
			.collect(Collectors.toMap(OrgChart.Post::id, OrgChart.Post::name));
		Map<String, PowerDescription.Step> drawn = versions.find(view.powerCode(), view.powerVersion())
			.flatMap(v -> versions.describe(v.processDefinitionId()))
			.map(p -> p.steps().stream().collect(Collectors.toMap(PowerDescription.Step::id, Function.identity())))
			.orElse(Map.of());
		List<ComplaintProgress.Step> steps = view.steps().stream().map(step -> {
			PowerDescription.Step d = drawn.get(step.activityId());
			List<String> responsible = d == null ? List.of()
					: d.candidateGroups().stream().map(g -> posts.getOrDefault(g, g)).toList();
			return new ComplaintProgress.Step(step.name(), responsible, step.startedAt(), step.endedAt(),
					step.deadline(), step.lamp());
		}).toList();
		boolean ended = view.endedAt() != null;
		boolean refused = Boolean.FALSE.equals(variables.get("accepted"));
		ComplaintProgress.Status status;
		if (ended) {
			status = refused ? ComplaintProgress.Status.REFUSED : ComplaintProgress.Status.ANSWERED;
		}
		else {
			String open = view.steps().stream().filter(s -> s.endedAt() == null)
				.max(Comparator.comparing(CaseViews.StepView::startedAt))
				.map(CaseViews.StepView::activityId).orElse("");
			status = switch (open) {
				case "Task_Investigate" -> ComplaintProgress.Status.INVESTIGATING;
				case "Task_Answer" -> ComplaintProgress.Status.ANSWERING;
				default -> ComplaintProgress.Status.RECEIVED;
			};
		}
		ComplaintProgress.Conclusion conclusion = ended && !refused && variables.get("substantiated") instanceof String s
				? ComplaintProgress.Conclusion.valueOf(s.toUpperCase(Locale.ROOT)) : null;
		return new ComplaintProgress(row.complaintNumber(), ComplaintProgress.SubjectKind.valueOf(row.subjectKind()),
				row.subjectLabel(), at(row.filedAt()), status, ended ? null : view.deadline(), view.lamp(), steps,
				conclusion, ended && !refused ? (String) variables.get("answer") : null,
				refused ? (String) variables.get("acceptOpinion") : null, view.endedAt());
	}

	private ComplaintProgress.SubjectKind kind(String value) {
		String kind = required(value, "subjectKind");
		try {
			return ComplaintProgress.SubjectKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw invalid("complaint.subjectKindInvalid", "subjectKind must be CASE, POWER or DEPARTMENT",
					InvalidParameterException.echo(kind));
		}
	}

	private static String required(String value, String field) {
		if (value == null || value.isBlank()) {
			throw invalid("complaint.fieldRequired", field + " is required", field);
		}
		return value.trim();
	}

	private static InvalidParameterException invalid(String key, String english, Object... args) {
		return new InvalidParameterException(key, english, args);
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atZone(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
	}

}
