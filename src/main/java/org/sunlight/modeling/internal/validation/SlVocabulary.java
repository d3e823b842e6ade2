package org.sunlight.modeling.internal.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names of the {@code sl:} extension as the validator knows them. {@code sl.xsd} and the
 * bpmn-js descriptor say the same; ExtensionSchemaAgreementTests keeps the three in step.
 */
public final class SlVocabulary {

	public static final String POWER = "power";
	public static final String STEP = "step";
	public static final String RISK = "risk";
	/** The global attribute that exempts a user task from supervision, with the reason why. */
	public static final String UNSUPERVISED = "unsupervised";

	/** Attributes of each element, in the order BPMN-EXTENSION.md lists them. */
	public static final Map<String, List<String>> ATTRIBUTES = Map.of(
			POWER, List.of("code", "category", "department", "legalBasis", "statutoryLimit", "promisedLimit",
					"calendar", "public", "fee", "warnBefore", "maxExtension"),
			STEP, List.of("timeLimit", "warnBefore", "supervisor", "riskLevel"),
			RISK, List.of("code", "level", "description", "measure"));

	/** External powers of the standard catalog, then the internal ones over people, money and goods. */
	public static final List<String> CATEGORIES = List.of("LICENSING", "PENALTY", "COERCION", "LEVY", "BENEFIT",
			"INSPECTION", "CONFIRMATION", "REWARD", "ADJUDICATION", "OTHER", "PERSONNEL", "FINANCE", "PROCUREMENT");

	/** Internal powers have no external legal basis to cite. */
	public static final Set<String> INTERNAL_CATEGORIES = Set.of("PERSONNEL", "FINANCE", "PROCUREMENT");

	public static final List<String> CALENDARS = List.of("workday", "natural");

	public static final String DEFAULT_CALENDAR = "workday";

	private SlVocabulary() {
	}

}
