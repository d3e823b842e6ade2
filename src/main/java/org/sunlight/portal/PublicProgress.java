package org.sunlight.portal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;
import org.sunlight.casework.CaseViews;
import org.sunlight.casework.Cases;
import org.sunlight.modeling.PowerDescription;
import org.sunlight.modeling.PowerVersions;
import org.sunlight.modeling.SlNamespace;
import org.sunlight.modeling.SystemPowers;
import org.sunlight.portal.internal.Masking;
import org.sunlight.portal.internal.PublicNames;
import org.sunlight.system.NotFoundException;

/**
 * An applicant's progress lookup by case number and query code: throttled per client address,
 * audited every time (found, not found, throttled) without the code, and answered from the
 * casework's own case view with everything personal left out.
 */
@Service
public class PublicProgress {

	static final String ACTOR = "public";

	private final Cases cases;
	private final CaseViews views;
	private final PowerVersions versions;
	private final HistoryService history;
	private final PublicNames names;
	private final LookupThrottle throttle;
	private final AuditTrail audit;
	private final MessageSource messages;

	PublicProgress(Cases cases, CaseViews views, PowerVersions versions, HistoryService history, PublicNames names,
			LookupThrottle throttle, AuditTrail audit, MessageSource messages) {
		this.cases = cases;
		this.views = views;
		this.versions = versions;
		this.history = history;
		this.names = names;
		this.throttle = throttle;
		this.audit = audit;
		this.messages = messages;
	}

	/** Refused because the client failed too often; {@code retryAfterSeconds} until the next try. */
	public static class TooManyLookupsException extends RuntimeException {

		private final long retryAfterSeconds;

		TooManyLookupsException(String message, long retryAfterSeconds) {
			super(message);
			this.retryAfterSeconds = retryAfterSeconds;
		}

		public long retryAfterSeconds() {
			return retryAfterSeconds;
		}

	}

	public CaseProgress lookup(String caseNumber, String queryCode, String client) {
		if (queryCode == null || queryCode.isBlank()) {
			throw new IllegalArgumentException(message("portal.queryCodeRequired"));
		}
		throttle.takeOrRefuse(client, () -> record(caseNumber, null, "THROTTLED", client));
		// The system's own powers' cases (an order, a complaint) are cases too, but not followed
		// here: an order by nobody outside, a complaint on its own page.
		Optional<String> caseId = cases.caseIdFor(caseNumber, queryCode)
			.filter(id -> !SystemPowers.isSystem(caseNumber));
		if (caseId.isEmpty()) {
			record(caseNumber, null, "NOT_FOUND", client);
			throw new NotFoundException(message("portal.caseNotFound"));
		}
		throttle.giveBack(client);
		record(caseNumber, caseId.get(), "FOUND", client);
		return progress(views.view(caseId.get()));
	}

	private CaseProgress progress(CaseViews.CaseView view) {
		PublicNames.Directory directory = names.directory();
		Map<String, PowerDescription.Step> steps = versions.find(view.powerCode(), view.powerVersion())
			.flatMap(v -> versions.describe(v.processDefinitionId()))
			.map(p -> p.steps().stream().collect(Collectors.toMap(PowerDescription.Step::id, Function.identity())))
			.orElse(Map.of());
		List<CaseProgress.Step> done = view.steps().stream().map(step -> {
			PowerDescription.Step drawn = steps.get(step.activityId());
			List<String> posts = drawn == null ? List.of()
					: directory.responsible(drawn.assignee(), drawn.candidateGroups());
			return new CaseProgress.Step(step.name(), posts, step.startedAt(), step.endedAt(), step.deadline(),
					step.lamp(), step.late());
		}).toList();
		List<CaseProgress.PausePeriod> pauses = view.clock().pauses().stream()
			.map(p -> new CaseProgress.PausePeriod(p.category(), p.from(), p.to()))
			.toList();
		return new CaseProgress(view.caseNumber(), view.powerCode(), view.powerName(),
				directory.department(view.department()), Masking.name(view.applicantName()), view.status(),
				view.endedAt() == null ? null : outcome(view.caseId()), view.startedAt(), view.endedAt(),
				view.deadline(), view.lamp(), view.clock().paused(), done, pauses);
	}

	/** The name of the end event the case reached, as drawn (not one the compiler added). */
	private String outcome(String caseId) {
		return history.createHistoricActivityInstanceQuery()
			.processInstanceId(caseId)
			.activityType("noneEndEvent")
			.finished()
			.orderByHistoricActivityInstanceEndTime()
			.desc()
			.list()
			.stream()
			.filter(a -> !a.getActivityId().startsWith(SlNamespace.GENERATED_ID_PREFIX))
			.map(HistoricActivityInstance::getActivityName)
			.filter(name -> name != null && !name.isBlank())
			.findFirst()
			.orElse(null);
	}

	private void record(String caseNumber, String caseId, String result, String client) {
		audit.record(AuditAction.PUBLIC_CASE_LOOKUP, ACTOR, "case", caseId,
				Map.of("caseNumber", caseNumber, "result", result, "client", client));
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
