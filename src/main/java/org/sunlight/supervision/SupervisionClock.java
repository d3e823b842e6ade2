package org.sunlight.supervision;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.sunlight.modeling.PowerDescription;
import org.sunlight.modeling.PowerVersions;

/**
 * The dates of the compiled timers ({@code ${slClock...}} in every compiled model). Dates are
 * computed on the engine clock so tests can travel in time.
 * <p>
 * Until the working-day calendar exists these count natural time in Asia/Shanghai; the warning
 * fires when {@code warnBefore} (default a third of the limit) is left.
 */
@Component("slClock")
public class SupervisionClock {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final PowerVersions powers;

	SupervisionClock(PowerVersions powers) {
		this.powers = powers;
	}

	public Date stepWarnAt(DelegateExecution execution, String stepId) {
		PowerDescription.Step step = step(execution, stepId);
		return warnAt(now(), step.timeLimit(), step.warnBefore());
	}

	public Date stepDeadline(DelegateExecution execution, String stepId) {
		return Date.from(add(now(), step(execution, stepId).timeLimit()).toInstant());
	}

	public Date caseWarnAt(DelegateExecution execution) {
		return warnAt(now(), caseLimit(execution), null);
	}

	public Date caseDeadline(DelegateExecution execution) {
		return Date.from(add(now(), caseLimit(execution)).toInstant());
	}

	private Date warnAt(ZonedDateTime start, String limit, String warnBefore) {
		ZonedDateTime deadline = add(start, limit);
		if (warnBefore != null) {
			return Date.from(subtract(deadline, warnBefore).toInstant());
		}
		Duration total = Duration.between(start, deadline);
		return Date.from(deadline.minus(total.dividedBy(3)).toInstant());
	}

	private PowerDescription power(DelegateExecution execution) {
		return powers.describe(execution.getProcessDefinitionId())
			.orElseThrow(() -> new IllegalStateException(
					"process definition " + execution.getProcessDefinitionId() + " was not deployed by Sunlight"));
	}

	private PowerDescription.Step step(DelegateExecution execution, String stepId) {
		return power(execution).steps().stream()
			.filter(s -> s.id().equals(stepId) && s.supervised())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no supervised step " + stepId + " in "
					+ execution.getProcessDefinitionId()));
	}

	private String caseLimit(DelegateExecution execution) {
		PowerDescription power = power(execution);
		return power.promisedLimit() != null ? power.promisedLimit() : power.statutoryLimit();
	}

	private static ZonedDateTime now() {
		return Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()).atZone(ZONE);
	}

	static ZonedDateTime add(ZonedDateTime start, String isoDuration) {
		String[] parts = split(isoDuration);
		ZonedDateTime result = start;
		if (parts[0] != null) {
			result = result.plus(Period.parse(parts[0]));
		}
		if (parts[1] != null) {
			result = result.plus(Duration.parse(parts[1]));
		}
		return result;
	}

	static ZonedDateTime subtract(ZonedDateTime start, String isoDuration) {
		String[] parts = split(isoDuration);
		ZonedDateTime result = start;
		if (parts[0] != null) {
			result = result.minus(Period.parse(parts[0]));
		}
		if (parts[1] != null) {
			result = result.minus(Duration.parse(parts[1]));
		}
		return result;
	}

	/** Splits {@code P1DT4H} into its date part {@code P1D} and time part {@code PT4H}. */
	private static String[] split(String iso) {
		int t = iso.indexOf('T');
		if (t < 0) {
			return new String[] { iso, null };
		}
		String date = t > 1 ? iso.substring(0, t) : null;
		return new String[] { date, "P" + iso.substring(t) };
	}

}
