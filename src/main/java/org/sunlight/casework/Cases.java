package org.sunlight.casework;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;
import org.sunlight.casework.internal.CaseStore;
import org.sunlight.casework.internal.CaseStore.CaseRow;
import org.sunlight.modeling.PowerVersion;
import org.sunlight.modeling.PowerVersions;
import org.sunlight.supervision.CaseSchedule;
import org.sunlight.supervision.Clocks;
import org.sunlight.system.NotFoundException;

/** Starting cases: a readable case number, a query code for the applicant, the power's latest version. */
@Service
public class Cases {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	private static final String QUERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

	private final CaseStore store;
	private final PowerVersions powers;
	private final RuntimeService runtime;
	private final Clocks clocks;
	private final AuditTrail audit;
	private final SecureRandom random = new SecureRandom();

	Cases(CaseStore store, PowerVersions powers, RuntimeService runtime, Clocks clocks, AuditTrail audit) {
		this.audit = audit;
		this.store = store;
		this.powers = powers;
		this.runtime = runtime;
		this.clocks = clocks;
	}

	/** What the handler gives the applicant: the case number and the query code. */
	public record Started(String caseId, String caseNumber, String queryCode, Instant deadline, Instant warnAt) {
	}

	@Transactional
	public Started start(String powerCode, String applicantName, String applicantIdNumber, String applicantPhone,
			String title, Map<String, Object> variables, String by) {
		require(powerCode, "powerCode");
		require(applicantName, "applicant.name");
		Map<String, Object> processVariables = new HashMap<>(checked(variables));
		PowerVersion power = powers.latest(powerCode.trim())
			.orElseThrow(() -> new NotFoundException("no power with code " + powerCode));
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
