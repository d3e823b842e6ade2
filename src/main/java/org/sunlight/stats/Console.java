package org.sunlight.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.sunlight.calendar.WorkingTime;
import org.sunlight.modeling.PowerDescription;
import org.sunlight.modeling.PowerVersion;
import org.sunlight.modeling.PowerVersions;
import org.sunlight.stats.internal.StatsStore;
import org.sunlight.system.NotFoundException;

/**
 * What the supervision console shows, always limited to the departments the caller may see
 * ({@code departments}, null meaning all): the lamp board, paused cases, statistics by group and
 * month, a power version's bottleneck heatmap and the departments' evaluation.
 */
@Service
public class Console {

	/** Periods and months are counted in China Standard Time. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** A step is coloured red on the heatmap when at least this share of its runs went red. */
	static final double RED_SHARE = 0.10;

	/** ...and yellow when at least this share went yellow (or red). */
	static final double YELLOW_SHARE = 0.20;

	/** How statistics can be grouped. */
	public enum GroupBy {
		DEPARTMENT, PERSON, POWER, MONTH
	}

	private final StatsStore store;
	private final PowerVersions powers;
	private final WorkingTime workingTime;
	private final EvaluationPolicy policy;

	Console(StatsStore store, PowerVersions powers, WorkingTime workingTime, EvaluationPolicy policy) {
		this.store = store;
		this.powers = powers;
		this.workingTime = workingTime;
		this.policy = policy;
	}

	public Board board(Set<String> departments) {
		Instant now = now();
		List<LampCount> steps = store.openSteps(departments, now);
		List<LampCount> cases = store.openCases(departments, now);
		return new Board(now.atZone(ZONE).toOffsetDateTime(), sum("steps", steps), sum("cases", cases),
				byDepartment(steps), byPower(steps), byDepartment(cases), byPower(cases));
	}

	/** The store keys counts by department and power ({@code department TAB power}). */
	private static List<LampCount> byDepartment(List<LampCount> counts) {
		Map<String, List<LampCount>> groups = new java.util.TreeMap<>();
		counts.forEach(c -> groups.computeIfAbsent(c.key().split("\t", 2)[0], k -> new ArrayList<>()).add(c));
		return groups.entrySet().stream().map(e -> sum(e.getKey(), e.getValue())).toList();
	}

	private static List<LampCount> byPower(List<LampCount> counts) {
		Map<String, List<LampCount>> groups = new java.util.TreeMap<>();
		counts.forEach(c -> groups.computeIfAbsent(c.key().split("\t", 2)[1], k -> new ArrayList<>()).add(c));
		return groups.entrySet().stream().map(e -> {
			LampCount total = sum(e.getKey(), e.getValue());
			return new LampCount(e.getKey(), e.getValue().get(0).name(), total.green(), total.yellow(), total.red(),
					total.paused());
		}).toList();
	}

	private static LampCount sum(String key, List<LampCount> counts) {
		return new LampCount(key, key, counts.stream().mapToLong(LampCount::green).sum(),
				counts.stream().mapToLong(LampCount::yellow).sum(), counts.stream().mapToLong(LampCount::red).sum(),
				counts.stream().mapToLong(LampCount::paused).sum());
	}

	public List<PausedCase> pausedCases(Set<String> departments) {
		Instant now = now();
		return store.openPauses(departments).stream().map(p -> {
			Duration now1 = workingTime.workingTimeBetween(p.from(), now, List.of(), calendarOf(p.powerCode()));
			return new PausedCase(p.caseId(), p.caseNumber(), p.powerCode(), p.powerName(), p.department(),
					p.category(), p.reason(), p.by(), p.from().atZone(ZONE).toOffsetDateTime(), now1,
					now1.plusSeconds(p.earlierSeconds()), p.pauses());
		}).toList();
	}

	/** Statistics of steps and cases finished in [from, to), by group; months in China Standard Time. */
	public List<StatRow> statistics(GroupBy groupBy, Set<String> departments, Instant from, Instant to) {
		return switch (groupBy) {
			case DEPARTMENT -> store.stats("department", departments, from, to);
			case PERSON -> store.stats("assignee", departments, from, to);
			case POWER -> store.stats("power_code", departments, from, to);
			case MONTH -> months(departments, from, to);
		};
	}

	private List<StatRow> months(Set<String> departments, Instant from, Instant to) {
		List<StatRow> rows = new ArrayList<>();
		YearMonth month = YearMonth.from(from.atZone(ZONE));
		YearMonth last = YearMonth.from(to.minusNanos(1).atZone(ZONE));
		if (month.plusMonths(36).isBefore(last)) {
			throw new IllegalArgumentException("a monthly trend covers at most 36 months");
		}
		for (; !month.isAfter(last); month = month.plusMonths(1)) {
			Instant start = later(from, month.atDay(1));
			Instant end = earlier(to, month.plusMonths(1).atDay(1));
			List<StatRow> all = store.stats("department", departments, start, end);
			rows.add(new StatRow(month.toString(), month.toString(), all.stream().mapToLong(StatRow::steps).sum(),
					all.stream().mapToLong(StatRow::overruns).sum(), all.stream().mapToLong(StatRow::yellow).sum(),
					all.stream().mapToLong(StatRow::red).sum(), all.stream().mapToLong(StatRow::faults).sum(),
					all.stream().mapToLong(StatRow::cases).sum(), all.stream().mapToLong(StatRow::casesOnTime).sum()));
		}
		return rows;
	}

	/** Departments scored by the configured formula, best first. */
	public List<Evaluation> evaluation(Set<String> departments, Instant from, Instant to) {
		List<StatRow> rows = store.stats("department", departments, from, to);
		List<Evaluation> scored = new ArrayList<>();
		for (StatRow row : rows) {
			double score = policy.score(row);
			scored.add(new Evaluation(0, row.key(), row.name(), score, policy.grade(score), row.steps(),
					row.onTimeRate(), row.red(), row.faults()));
		}
		scored.sort(Comparator.comparingDouble(Evaluation::score).reversed().thenComparing(Evaluation::department));
		List<Evaluation> ranked = new ArrayList<>();
		for (int i = 0; i < scored.size(); i++) {
			Evaluation e = scored.get(i);
			// Equal scores share a rank.
			int rank = i > 0 && e.score() == scored.get(i - 1).score() ? ranked.get(i - 1).rank() : i + 1;
			ranked.add(new Evaluation(rank, e.department(), e.name(), e.score(), e.grade(), e.steps(), e.onTimeRate(),
					e.red(), e.faults()));
		}
		return ranked;
	}

	/** The steps of one version of a power (the latest when {@code version} is null), over a period. */
	public List<StepHeat> heatmap(String powerCode, Integer version, Set<String> departments, Instant from, Instant to) {
		PowerVersion power = (version == null ? powers.latest(powerCode) : powers.find(powerCode, version))
			.orElseThrow(() -> new NotFoundException("no power " + powerCode + (version == null ? "" : " version " + version)));
		PowerDescription description = powers.describe(power.processDefinitionId()).orElseThrow();
		Map<String, List<StatsStore.Run>> byStep = new LinkedHashMap<>();
		description.steps().forEach(step -> byStep.put(step.id(), new ArrayList<>()));
		for (StatsStore.Run run : store.runs(power.processDefinitionId(), departments, from, to)) {
			byStep.computeIfAbsent(run.stepId(), id -> new ArrayList<>()).add(run);
		}
		List<StepHeat> heat = new ArrayList<>();
		for (PowerDescription.Step step : description.steps()) {
			List<StatsStore.Run> runs = byStep.get(step.id());
			heat.add(heat(step, runs));
		}
		return heat;
	}

	static StepHeat heat(PowerDescription.Step step, List<StatsStore.Run> runs) {
		if (runs.isEmpty()) {
			return new StepHeat(step.id(), step.name(), step.timeLimit(), 0, null, null, 0, 0, StepHeat.Heat.NONE);
		}
		long[] seconds = runs.stream().mapToLong(StatsStore.Run::workingSeconds).sorted().toArray();
		double yellow = (double) runs.stream().filter(r -> r.yellow() || r.red()).count() / runs.size();
		double red = (double) runs.stream().filter(StatsStore.Run::red).count() / runs.size();
		StepHeat.Heat colour = red >= RED_SHARE ? StepHeat.Heat.RED
				: yellow >= YELLOW_SHARE ? StepHeat.Heat.YELLOW : StepHeat.Heat.GREEN;
		return new StepHeat(step.id(), step.name(), step.timeLimit(), runs.size(), percentile(seconds, 50),
				percentile(seconds, 90), yellow, red, colour);
	}

	/** The nearest-rank percentile of sorted values. */
	static long percentile(long[] sorted, int p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	private String calendarOf(String powerCode) {
		return powers.latest(powerCode)
			.flatMap(v -> powers.describe(v.processDefinitionId()))
			.map(PowerDescription::calendar)
			.orElse(null);
	}

	private static Instant later(Instant a, LocalDate day) {
		Instant b = day.atStartOfDay(ZONE).toInstant();
		return a.isAfter(b) ? a : b;
	}

	private static Instant earlier(Instant a, LocalDate day) {
		Instant b = day.atStartOfDay(ZONE).toInstant();
		return a.isBefore(b) ? a : b;
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
