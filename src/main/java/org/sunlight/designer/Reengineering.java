package org.sunlight.designer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.sunlight.designer.Comparison.Difference;
import org.sunlight.designer.Comparison.ElementChange;
import org.sunlight.designer.Comparison.Elements;
import org.sunlight.designer.Comparison.Figures;
import org.sunlight.designer.Comparison.RiskPoints;
import org.sunlight.designer.Comparison.Side;
import org.sunlight.modeling.PowerAnalyser;
import org.sunlight.modeling.PowerAnalysis;
import org.sunlight.modeling.PowerDescription;
import org.sunlight.modeling.PowerVersion;
import org.sunlight.modeling.PowerVersions;
import org.sunlight.system.NotFoundException;

/**
 * Compares two versions of a power, deployed or waiting in review, from their sources as drawn (what the designer drew,
 * not the compiled clocks), measured by the validator's own rules ({@link PowerAnalyser}).
 */
@Service
public class Reengineering {

	private final PowerVersions versions;
	private final PowerAnalyser analyser;

	Reengineering(PowerVersions versions, PowerAnalyser analyser) {
		this.versions = versions;
		this.analyser = analyser;
	}

	public Comparison compare(String powerCode, int from, int to) {
		PowerVersion before = version(powerCode, from);
		PowerVersion after = version(powerCode, to);
		return compare(powerCode, side(before), side(after));
	}

	private PowerVersion version(String powerCode, int version) {
		return versions.drawn(powerCode, version)
			.orElseThrow(() -> versions.latest(powerCode).isEmpty() ? new NotFoundException("no power with code " + powerCode)
					: new NotFoundException("power " + powerCode + " has no version " + version));
	}

	private Measured side(PowerVersion version) {
		String source = versions.source(version)
			.orElseThrow(() -> new NotFoundException("version " + version.version() + " of " + version.powerCode()
					+ " has no source"));
		return new Measured(version, analyser.analyse(source.getBytes(StandardCharsets.UTF_8)));
	}

	/** The report of two measured versions; public for tests that measure fixtures. */
	public static Comparison compare(String powerCode, Measured before, Measured after) {
		Figures a = figures(before.analysis());
		Figures b = figures(after.analysis());
		Difference difference = new Difference(b.steps() - a.steps(), b.supervisedSteps() - a.supervisedSteps(),
				b.posts().size() - a.posts().size(), minus(b.longestPath(), a.longestPath()),
				minus(b.statutoryLimit(), a.statutoryLimit()), minus(b.promisedLimit(), a.promisedLimit()),
				!Objects.equals(a.calendar(), b.calendar()),
				b.discretionSteps().size() - a.discretionSteps().size(),
				new RiskPoints(b.riskPoints().level1() - a.riskPoints().level1(),
						b.riskPoints().level2() - a.riskPoints().level2(),
						b.riskPoints().level3() - a.riskPoints().level3(),
						b.riskPoints().total() - a.riskPoints().total()));
		return new Comparison(powerCode, side(before, a), side(after, b), difference,
				elements(before.analysis().elements(), after.analysis().elements()));
	}

	static Figures figures(PowerAnalysis analysis) {
		PowerDescription power = analysis.power();
		Set<String> posts = new TreeSet<>();
		int[] levels = new int[4];
		int supervised = 0;
		for (PowerDescription.Step step : power.steps()) {
			step.candidateGroups().stream().filter(Reengineering::isNamed).forEach(posts::add);
			if (isNamed(step.assignee())) {
				posts.add("user:" + step.assignee());
			}
			if (step.supervised()) {
				supervised++;
			}
			step.risks().forEach(risk -> levels[risk.level()]++);
		}
		List<String> discretion = power.steps().stream().map(PowerDescription.Step::id)
			.filter(analysis.discretionSteps()::contains).toList();
		return new Figures(power.steps().size(), supervised, List.copyOf(posts), format(analysis.longestPath()),
				power.statutoryLimit(), power.promisedLimit(), power.calendar(), discretion,
				new RiskPoints(levels[1], levels[2], levels[3], levels[1] + levels[2] + levels[3]));
	}

	/** An expression such as {@code ${applicant}} is chosen per case: not a post of the organisation. */
	private static boolean isNamed(String post) {
		return post != null && !post.isBlank() && !post.contains("${") && !post.contains("#{");
	}

	static Elements elements(Map<String, PowerAnalysis.ElementFacts> before, Map<String, PowerAnalysis.ElementFacts> after) {
		List<ElementChange> added = new ArrayList<>();
		List<ElementChange> removed = new ArrayList<>();
		List<ElementChange> changed = new ArrayList<>();
		after.forEach((id, facts) -> {
			PowerAnalysis.ElementFacts old = before.get(id);
			if (old == null) {
				added.add(new ElementChange(id, facts.type(), facts.name(), List.of()));
				return;
			}
			Set<String> keys = new LinkedHashSet<>(old.properties().keySet());
			keys.addAll(facts.properties().keySet());
			List<String> changes = keys.stream()
				.filter(key -> !Objects.equals(old.properties().get(key), facts.properties().get(key)))
				.sorted()
				.toList();
			if (!old.type().equals(facts.type())) {
				changes = new ArrayList<>(changes);
				changes.add(0, "type");
			}
			if (!changes.isEmpty()) {
				changed.add(new ElementChange(id, facts.type(), facts.name(), changes));
			}
		});
		before.forEach((id, facts) -> {
			if (!after.containsKey(id)) {
				removed.add(new ElementChange(id, facts.type(), facts.name(), List.of()));
			}
		});
		return new Elements(added, removed, changed);
	}

	private static Side side(Measured measured, Figures figures) {
		PowerVersion v = measured.version();
		return new Side(v == null ? 0 : v.version(), measured.analysis().power().name(), v == null ? null : v.deployedAt(),
				v == null ? null : v.deployedBy(), figures);
	}

	/** {@code after − before} of two ISO-8601 limits, signed; {@code null} when either is missing. */
	static String minus(String after, String before) {
		if (after == null || before == null) {
			return null;
		}
		return format(Duration.parse(after).minus(Duration.parse(before)));
	}

	/** Days, hours and minutes, with a leading minus for negative lengths: {@code P10D}, {@code -P1DT4H}, {@code PT0S}. */
	static String format(Duration length) {
		if (length.isZero()) {
			return "PT0S";
		}
		Duration abs = length.abs();
		StringBuilder text = new StringBuilder(length.isNegative() ? "-P" : "P");
		long days = abs.toDays();
		if (days > 0) {
			text.append(days).append('D');
		}
		Duration rest = abs.minusDays(days);
		if (!rest.isZero()) {
			text.append('T');
			if (rest.toHoursPart() > 0) {
				text.append(rest.toHoursPart()).append('H');
			}
			if (rest.toMinutesPart() > 0) {
				text.append(rest.toMinutesPart()).append('M');
			}
			if (rest.toSecondsPart() > 0) {
				text.append(rest.toSecondsPart()).append('S');
			}
		}
		return text.toString();
	}

	/** A version (or a fixture, with {@code version} null) and its measurement. */
	public record Measured(PowerVersion version, PowerAnalysis analysis) {
	}

}
