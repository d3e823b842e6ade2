package org.sunlight.portal;

import java.text.Collator;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.sunlight.catalog.Catalog;
import org.sunlight.portal.internal.PublicNames;
import org.sunlight.stats.Console;
import org.sunlight.stats.StatRow;
import org.sunlight.system.DateParameter;
import org.sunlight.system.InvalidParameterException;

/**
 * Public statistics (阳光公开): per department and month, the cases concluded, how many of them in
 * time and how many overdue, and the same for their steps, for the departments that publish at
 * least one power, by name. The figures are the console's own ({@link Console#statistics}), so the
 * public reads the supervisors' numbers by the supervisors' rule; a department's figures cover all
 * its cases. Nothing in them is about a person. An answer is kept for {@link #KEPT} (Caffeine,
 * bounded), so an anonymous audience costs the database a few grouped scans per period, not per
 * request.
 */
@Service
public class PublicStatistics {

	/** The longest period one request may ask for. */
	public static final int MAX_MONTHS = 24;

	/** Without {@code from}, the last twelve months up to {@code to}. */
	static final int DEFAULT_MONTHS = 12;

	static final Duration KEPT = Duration.ofMinutes(5);

	private final Console console;
	private final Catalog catalog;
	private final PublicNames names;
	private final Cache<Key, Report> answers = Caffeine.newBuilder()
		.maximumSize(500)
		.expireAfterWrite(KEPT)
		.build();

	PublicStatistics(Console console, Catalog catalog, PublicNames names) {
		this.console = console;
		this.catalog = catalog;
		this.names = names;
	}

	/** A department that publishes powers, by id and name. */
	public record Department(String id, String name) {
	}

	/**
	 * One department's figures in one month ({@code rows}), one month's over the departments asked
	 * ({@code months}, no department) or one department's over the period ({@code byDepartment}, no
	 * month). A rate is null when nothing was concluded to rate.
	 */
	public record Row(String month, String departmentId, String departmentName, long cases, long casesOnTime,
			long casesOverdue, Double onTimeRate, long steps, long stepsOverdue, Double stepOnTimeRate) {

		static Row of(String month, Department department, StatRow figures) {
			return new Row(month, department == null ? null : department.id(),
					department == null ? null : department.name(), figures.cases(), figures.casesOnTime(),
					figures.cases() - figures.casesOnTime(), figures.cases() == 0 ? null : figures.caseOnTimeRate(),
					figures.steps(), figures.overruns(), figures.steps() == 0 ? null : figures.onTimeRate());
		}

	}

	/**
	 * The period (months {@code from}–{@code to} inclusive, China Standard Time), the departments
	 * that publish powers, and the figures of those asked: per month, per department, and per
	 * department and month (only where something was concluded).
	 */
	public record Report(String from, String to, String department, List<Department> departments, List<Row> months,
			List<Row> byDepartment, List<Row> rows) {
	}

	private record Key(YearMonth from, YearMonth to, String department) {
	}

	/**
	 * The figures of months {@code from}–{@code to} ({@code YYYY-MM}; by default the twelve months up
	 * to the current one) of one department with public powers, or of all when {@code department}
	 * is blank. A malformed month, {@code to} before {@code from}, more than {@link #MAX_MONTHS}
	 * months or a department without public powers is refused (400).
	 */
	public Report report(String from, String to, String department) {
		YearMonth last = DateParameter.month("to", to);
		if (last == null) {
			last = YearMonth.from(ClockUtil.getCurrentTime().toInstant().atZone(Console.ZONE));
		}
		YearMonth first = DateParameter.month("from", from);
		if (first == null) {
			first = last.minusMonths(DEFAULT_MONTHS - 1);
		}
		if (last.isBefore(first)) {
			throw new InvalidParameterException("portal.statistics.toBeforeFrom",
					"to (" + last + ") is before from (" + first + ")", last.toString(), first.toString());
		}
		long months = first.until(last, ChronoUnit.MONTHS) + 1;
		if (months > MAX_MONTHS) {
			throw new InvalidParameterException("portal.statistics.tooLong",
					"public statistics cover at most " + MAX_MONTHS + " months at once, not " + months, MAX_MONTHS,
					months);
		}
		String wanted = department == null || department.isBlank() ? null : department.trim();
		return answers.get(new Key(first, last, wanted), this::compute);
	}

	/** Drops the kept answers (tests, which move the engine clock and finish cases in between). */
	void forget() {
		answers.invalidateAll();
	}

	private Report compute(Key key) {
		List<Department> published = publishedDepartments();
		List<Department> asked = published;
		if (key.department() != null) {
			asked = published.stream().filter(d -> d.id().equals(key.department())).toList();
			if (asked.isEmpty()) {
				throw new InvalidParameterException("portal.statistics.unknownDepartment",
						"no department with public powers has the id '" + InvalidParameterException.echo(key.department())
								+ "'",
						InvalidParameterException.echo(key.department()));
			}
		}
		Set<String> ids = asked.stream().map(Department::id).collect(Collectors.toSet());
		Map<String, Department> byId = asked.stream().collect(Collectors.toMap(Department::id, Function.identity()));
		Instant start = start(key.from());
		Instant end = start(key.to().plusMonths(1));

		List<Row> months = console.statistics(Console.GroupBy.MONTH, ids, start, end).stream()
			.map(m -> Row.of(m.key(), null, m))
			.toList();
		Map<String, StatRow> period = console.statistics(Console.GroupBy.DEPARTMENT, ids, start, end).stream()
			.collect(Collectors.toMap(StatRow::key, Function.identity()));
		List<Row> byDepartment = asked.stream()
			.map(d -> Row.of(null, d, period.getOrDefault(d.id(), new StatRow(d.id(), d.id(), 0, 0, 0, 0, 0, 0, 0))))
			.toList();
		List<Row> rows = new ArrayList<>();
		Comparator<Row> byName = Comparator.comparing(Row::departmentName, collator());
		for (YearMonth month = key.from(); !month.isAfter(key.to()); month = month.plusMonths(1)) {
			String name = month.toString();
			console.statistics(Console.GroupBy.DEPARTMENT, ids, start(month), start(month.plusMonths(1))).stream()
				.map(r -> Row.of(name, byId.get(r.key()), r))
				.sorted(byName)
				.forEach(rows::add);
		}
		return new Report(key.from().toString(), key.to().toString(), key.department(), published, months,
				byDepartment, List.copyOf(rows));
	}

	/** Departments with at least one public power, in Chinese collation order of their names. */
	private List<Department> publishedDepartments() {
		PublicNames.Directory directory = names.directory();
		return catalog.powers(true).stream()
			.map(Catalog.PowerEntry::department)
			.filter(id -> id != null && !id.isBlank())
			.distinct()
			.map(id -> new Department(id, directory.department(id)))
			.sorted(Comparator.comparing(Department::name, collator()))
			.toList();
	}

	private static Comparator<String> collator() {
		Collator collator = Collator.getInstance(Locale.CHINA);
		return collator::compare;
	}

	private static Instant start(YearMonth month) {
		return month.atDay(1).atStartOfDay(Console.ZONE).toInstant();
	}

}
