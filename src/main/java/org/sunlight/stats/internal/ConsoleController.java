package org.sunlight.stats.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.identity.Organisation;
import org.sunlight.identity.SupervisionScope;
import org.sunlight.stats.Board;
import org.sunlight.stats.Console;
import org.sunlight.stats.Evaluation;
import org.sunlight.stats.PausedCase;
import org.sunlight.stats.StatRow;
import org.sunlight.stats.StepHeat;
import org.sunlight.system.DateParameter;
import org.sunlight.system.InertDownload;

/**
 * {@code /api/console}: the supervision console's board, paused cases, statistics (and their
 * exports), heatmap and evaluation, each limited to the departments the caller supervises or
 * leads. Periods are whole days in China Standard Time, {@code from} and {@code to} inclusive;
 * without them, the current quarter.
 */
@RestController
@RequestMapping("/api/console")
class ConsoleController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Console console;
	private final Organisation organisation;

	ConsoleController(Console console, Organisation organisation) {
		this.console = console;
		this.organisation = organisation;
	}

	@GetMapping("/board")
	Board board(@RequestParam(required = false) String department, Authentication caller) {
		return console.board(departments(caller, department));
	}

	@GetMapping("/paused")
	List<PausedCase> paused(@RequestParam(required = false) String department, Authentication caller) {
		return console.pausedCases(departments(caller, department));
	}

	@GetMapping("/statistics")
	List<StatRow> statistics(@RequestParam(required = false) String groupBy,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String department, Authentication caller) {
		Period period = period(from, to);
		return console.statistics(groupBy(groupBy), departments(caller, department), period.from(), period.to());
	}

	@GetMapping("/statistics.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String groupBy,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String department, Authentication caller) {
		List<StatRow> rows = statistics(groupBy, from, to, department, caller);
		return InertDownload.of(StatisticsExport.csv(rows), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
				fileName(groupBy, from, to, "csv"));
	}

	@GetMapping("/statistics.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String groupBy,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String department, Authentication caller) {
		List<StatRow> rows = statistics(groupBy, from, to, department, caller);
		return InertDownload.of(StatisticsExport.xlsx(rows, "统计"), MediaType.parseMediaType(XLSX),
				fileName(groupBy, from, to, "xlsx"));
	}

	@GetMapping("/evaluation")
	List<Evaluation> evaluation(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Authentication caller) {
		Period period = period(from, to);
		return console.evaluation(departments(caller, null), period.from(), period.to());
	}

	@GetMapping("/heatmap")
	List<StepHeat> heatmap(@RequestParam String powerCode, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Authentication caller) {
		Period period = period(from, to);
		return console.heatmap(powerCode, version, departments(caller, null), period.from(), period.to());
	}

	/** The caller's departments (null: all), narrowed to one when asked; another department is 403. */
	private Set<String> departments(Authentication caller, String department) {
		SupervisionScope scope = organisation.consoleScope(caller.getName());
		if (department != null && !department.isBlank()) {
			if (!scope.covers(department.trim())) {
				throw new AccessDeniedException("you do not supervise department " + department.trim());
			}
			return Set.of(department.trim());
		}
		return scope.all() ? null : scope.departments();
	}

	record Period(Instant from, Instant to) {
	}

	static Period period(String from, String to) {
		LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), Console.ZONE);
		LocalDate quarterStart = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
		LocalDate start = date("from", from, quarterStart);
		LocalDate end = date("to", to, quarterStart.plusMonths(3).minusDays(1));
		if (end.isBefore(start)) {
			throw new IllegalArgumentException("to (" + end + ") is before from (" + start + ")");
		}
		if (start.plusYears(5).isBefore(end)) {
			throw new IllegalArgumentException("a period covers at most five years");
		}
		return new Period(start.atStartOfDay(Console.ZONE).toInstant(),
				end.plusDays(1).atStartOfDay(Console.ZONE).toInstant());
	}

	private static LocalDate date(String name, String value, LocalDate fallback) {
		LocalDate date = DateParameter.parse(name, value);
		return date == null ? fallback : date;
	}

	private static Console.GroupBy groupBy(String value) {
		if (value == null || value.isBlank()) {
			return Console.GroupBy.DEPARTMENT;
		}
		try {
			return Console.GroupBy.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"unknown groupBy '" + value + "'; allowed: " + Arrays.toString(Console.GroupBy.values()));
		}
	}

	private static String fileName(String groupBy, String from, String to, String extension) {
		Period period = period(from, to);
		return "sunlight-statistics-" + groupBy(groupBy).name().toLowerCase(Locale.ROOT) + "-"
				+ LocalDate.ofInstant(period.from(), Console.ZONE) + "-"
				+ LocalDate.ofInstant(period.to().minusSeconds(1), Console.ZONE) + "." + extension;
	}

}
