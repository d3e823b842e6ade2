package org.sunlight.casework;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;
import org.sunlight.casework.internal.CaseStore;
import org.sunlight.casework.internal.CaseStore.CaseRow;
import org.sunlight.catalog.Catalog;
import org.sunlight.modeling.PowerDescription;
import org.sunlight.modeling.PowerVersion;
import org.sunlight.modeling.PowerVersions;
import org.sunlight.modeling.SystemPowers;
import org.sunlight.supervision.CaseSchedule;
import org.sunlight.supervision.Clocks;
import org.sunlight.system.NotFoundException;

/** Starting cases: a readable case number, a query code for the applicant, the power's latest version. */
@Service
public class Cases {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	private static final String QUERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	/** As long as a real code but outside its alphabet, so no code ever matches it. */
	private static final String NO_CODE = "--------";
	private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

	private final CaseStore store;
	private final PowerVersions powers;
	private final RuntimeService runtime;
	private final Clocks clocks;
	private final Catalog catalog;
	private final IdentityService identity;
	private final TaskForms forms;
	private final AuditTrail audit;
	private final HistoryService history;
	private final SecureRandom random = new SecureRandom();

	Cases(CaseStore store, PowerVersions powers, RuntimeService runtime, Clocks clocks, Catalog catalog,
			IdentityService identity, TaskForms forms, AuditTrail audit, HistoryService history) {
		this.audit = audit;
		this.history = history;
		this.store = store;
		this.powers = powers;
		this.runtime = runtime;
		this.clocks = clocks;
		this.catalog = catalog;
		this.identity = identity;
		this.forms = forms;
	}

	/** A power the user may start a case of: its accepting post is one of the user's posts. */
	public record Startable(String code, String name, String category, String department, String legalBasis,
			String statutoryLimit, String promisedLimit, String calendar, String acceptingStep,
			List<String> acceptingPosts, List<TaskForms.Field> fields) {
	}

	public List<Startable> startable(String user) {
		Set<String> posts = posts(user);
		List<Startable> found = new ArrayList<>();
		for (Catalog.PowerEntry entry : catalog.powers(false)) {
			// Sunlight starts the cases of its own powers (an order, a complaint); nobody else does.
			if (SystemPowers.isSystem(entry.code())) {
				continue;
			}
			powers.latest(entry.code()).ifPresent(version -> powers.describe(version.processDefinitionId())
				.filter(power -> accepts(power, user, posts))
				.ifPresent(power -> {
					PowerDescription.Step first = power.steps().get(0);
					found.add(new Startable(power.code(), power.name(), power.category(), power.department(),
							power.legalBasis(), power.statutoryLimit(), power.promisedLimit(), power.calendar(),
							first.name(), first.candidateGroups(), forms.startFields(version.processDefinitionId())));
				}));
		}
		return found;
	}

	/** The first step of a power is its acceptance (受理); whoever may take it may start a case. */
	private static boolean accepts(PowerDescription power, String user, Set<String> posts) {
		if (power.steps().isEmpty()) {
			return false;
		}
		PowerDescription.Step first = power.steps().get(0);
		return user.equals(first.assignee()) || first.candidateGroups().stream().anyMatch(posts::contains);
	}

	private Set<String> posts(String user) {
		return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).collect(Collectors.toSet());
	}

	/** What the handler gives the applicant: the case number and the query code. */
	public record Started(String caseId, String caseNumber, String queryCode, Instant deadline, Instant warnAt) {
	}

	@Transactional
	public Started start(String powerCode, String applicantName, String applicantIdNumber, String applicantPhone,
			String title, Map<String, Object> variables, String by) {
		require(powerCode, "powerCode");
		require(applicantName, "applicant.name");
		PowerVersion power = powers.latest(powerCode.trim())
			.orElseThrow(() -> new NotFoundException("no power with code " + powerCode));
		PowerDescription description = powers.describe(power.processDefinitionId())
			.orElseThrow(() -> new NotFoundException("no power with code " + powerCode));
		if (SystemPowers.isSystem(power.powerCode()) || !accepts(description, by, posts(by))) {
			throw new AccessDeniedException("only the accepting post of " + power.powerCode() + " ("
					+ (description.steps().isEmpty() ? "none" : String.join(", ", description.steps().get(0).candidateGroups()))
					+ ") starts its cases");
		}
		List<TaskForms.Field> startFields = forms.startFields(power.processDefinitionId());
		Map<String, Object> processVariables = new HashMap<>(
				startFields.isEmpty() ? checked(variables) : TaskForms.check(startFields, variables));
		return begin(power, applicantName, applicantIdNumber, applicantPhone, title, processVariables, by);
	}

	/**
	 * A case of one of Sunlight's own powers ({@link SystemPowers}) that Sunlight starts for someone
	 * outside, such as a citizen's complaint from the portal: numbered, with a query code and
	 * supervised like any case, but without an accepting post to start it.
	 */
	@Transactional
	public Started startSystemCase(String powerCode, String applicantName, String applicantPhone, String title,
			Map<String, Object> variables, String by) {
		if (!SystemPowers.isSystem(powerCode)) {
			throw new IllegalArgumentException(powerCode + " is not a system power");
		}
		require(applicantName, "applicant.name");
		PowerVersion power = powers.latest(powerCode)
			.orElseThrow(() -> new IllegalStateException("the system power " + powerCode + " is not deployed"));
		return begin(power, applicantName, null, applicantPhone, title, new HashMap<>(checked(variables)), by);
	}

	/**
	 * Replaces the applicant's name by {@code label} and forgets the phone and ID number, in the
	 * case row and in the engine's history (the retention of a complainant's personal data).
	 */
	@Transactional
	public void eraseApplicant(String caseId, String label) {
		store.eraseApplicant(caseId, label);
		history.createHistoricVariableInstanceQuery()
			.processInstanceId(caseId)
			.variableName("applicantName")
			.list()
			.forEach(variable -> history.deleteHistoricVariableInstance(variable.getId()));
	}

	private Started begin(PowerVersion power, String applicantName, String applicantIdNumber, String applicantPhone,
			String title, Map<String, Object> processVariables, String by) {
		Instant now = ClockUtil.getCurrentTime().toInstant();
		int year = now.atZone(ZONE).getYear();
		String caseNumber = power.powerCode() + "-" + year + "-"
				+ String.format("%06d", store.nextNumber(power.powerCode(), year));
		processVariables.put("caseNumber", caseNumber);
		processVariables.put("applicantName", applicantName.trim());
		if (title != null && !title.isBlank()) {
			processVariables.put("caseTitle", title.trim());
		}
		String caseId = runtime.startProcessInstanceById(power.processDefinitionId(), caseNumber, processVariables)
			.getId();
		String queryCode = queryCode();
		store.insert(new CaseRow(caseId, caseNumber, queryCode, power.powerCode(), power.version(),
				title == null ? null : title.trim(), applicantName.trim(), blankToNull(applicantIdNumber),
				blankToNull(applicantPhone), by, now));
		CaseSchedule schedule = clocks.caseSchedule(caseId).orElseThrow();
		// The applicant's identity number and phone stay out of the trail: it is read widely.
		audit.record(AuditAction.CASE_STARTED, by, "case", caseId, Map.of("caseNumber", caseNumber, "powerCode",
				power.powerCode(), "version", power.version(), "deadline", schedule.deadline()));
		return new Started(caseId, caseNumber, queryCode, schedule.deadline(), schedule.warnAt());
	}

	/**
	 * The case a number and its query code name, for the applicant's progress lookup. A wrong code
	 * and an unknown number are the same empty answer after the same work: one read by number and
	 * one constant-time comparison (against a code no case has when the number is unknown), so
	 * neither the answer nor its time tells whether the number exists.
	 */
	public Optional<String> caseIdFor(String caseNumber, String queryCode) {
		Optional<CaseRow> row = store.findByNumber(caseNumber);
		byte[] expected = row.map(CaseRow::queryCode).orElse(NO_CODE).getBytes(StandardCharsets.UTF_8);
		byte[] given = (queryCode == null ? "" : queryCode.trim().toUpperCase(java.util.Locale.ROOT)).getBytes(StandardCharsets.UTF_8);
		boolean matches = MessageDigest.isEqual(expected, given);
		return matches && row.isPresent() ? Optional.of(row.get().caseId()) : Optional.empty();
	}

	/**
	 * Case variables are plain values under plain names: the engine stores them without a
	 * serializer, and gateway conditions can only read plain variables anyway.
	 */
	static Map<String, Object> checked(Map<String, Object> variables) {
		if (variables == null) {
			return Map.of();
		}
		for (Map.Entry<String, Object> entry : variables.entrySet()) {
			if (!VARIABLE_NAME.matcher(entry.getKey()).matches() || entry.getKey().startsWith("sl")) {
				throw new IllegalArgumentException("variable name '" + entry.getKey()
						+ "' is not allowed: use letters, digits and _ (not starting with 'sl')");
			}
			Object value = entry.getValue();
			if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
				throw new IllegalArgumentException(
						"variable '" + entry.getKey() + "' must be a string, number, boolean or null");
			}
		}
		return variables;
	}

	private String queryCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			code.append(QUERY_ALPHABET.charAt(random.nextInt(QUERY_ALPHABET.length())));
		}
		return code.toString();
	}

	private static void require(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(field + " is required");
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
