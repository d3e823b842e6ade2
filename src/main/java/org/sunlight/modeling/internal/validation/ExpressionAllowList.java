package org.sunlight.modeling.internal.validation;

import java.util.List;
import java.util.Set;

import org.sunlight.modeling.ProcessBeans;

/**
 * The only calls a model may contain: those the compiler writes into its timers and escalation
 * end events. Designers never write them; the validator accepts them so that a compiled model
 * validates too. Arguments are {@code execution} or string literals, nothing else.
 */
public final class ExpressionAllowList {

	/** What an argument of an allowed call must be. */
	public enum Argument {
		/** The bare identifier {@code execution}. */
		EXECUTION,
		/** A non-empty string literal naming a step (a user task id). */
		STEP_ID,
		/** The string literal {@code 'YELLOW'} or {@code 'RED'}. */
		LEVEL
	}

	/** One allowed call, e.g. {@code slClock.stepDeadline(execution, '<id>')}. */
	public record Call(String bean, String method, List<Argument> arguments) {

		public Call {
			arguments = List.copyOf(arguments);
		}

	}

	public static final List<Call> CALLS = List.of(
			new Call(ProcessBeans.CLOCK, "stepWarnAt", List.of(Argument.EXECUTION, Argument.STEP_ID)),
			new Call(ProcessBeans.CLOCK, "stepDeadline", List.of(Argument.EXECUTION, Argument.STEP_ID)),
			new Call(ProcessBeans.CLOCK, "caseWarnAt", List.of(Argument.EXECUTION)),
			new Call(ProcessBeans.CLOCK, "caseDeadline", List.of(Argument.EXECUTION)),
			new Call(ProcessBeans.ESCALATIONS, "raiseStep", List.of(Argument.EXECUTION, Argument.STEP_ID, Argument.LEVEL)),
			new Call(ProcessBeans.ESCALATIONS, "raiseCase", List.of(Argument.EXECUTION, Argument.LEVEL)));

	public static final Set<String> LEVELS = Set.of("YELLOW", "RED");

	/** The beans the calls use: exactly {@link ProcessBeans#ALL}. */
	public static final Set<String> BEANS = Set.copyOf(ProcessBeans.ALL);

	private ExpressionAllowList() {
	}

}
