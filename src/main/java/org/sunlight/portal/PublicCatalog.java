package org.sunlight.portal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.sunlight.catalog.Catalog;
import org.sunlight.modeling.PowerVersions;
import org.sunlight.portal.internal.PublicNames;

/**
 * The catalog as the public sees it (晒权): public powers only, departments and posts by name,
 * people never. A power that is not public is as unknown as one that does not exist.
 */
@Service
public class PublicCatalog {

	private final Catalog catalog;
	private final PowerVersions versions;
	private final PublicNames names;

	PublicCatalog(Catalog catalog, PowerVersions versions, PublicNames names) {
		this.catalog = catalog;
		this.versions = versions;
		this.names = names;
	}

	public record PublicPower(String code, String name, String category, String departmentId, String departmentName,
			String statutoryLimit, String promisedLimit, String calendar, String fee, String legalBasis) {
	}

	/**
	 * A step's four clarities: the step, its posts, its limit and its supervisor, with its risk
	 * points; {@code id} is its element in the diagram.
	 */
	public record PublicStep(String id, String name, List<String> responsible, String timeLimit, String supervisor,
			Integer riskLevel, List<PublicRisk> risks, String unsupervisedReason) {
	}

	public record PublicRisk(String code, int level, String description, String measure) {
	}

	public record PublicPowerDetail(PublicPower power, List<PublicStep> steps, String diagram) {
	}

	/**
	 * Public powers, optionally only of a department or category, and only those whose name, code,
	 * department name or legal basis contains every word of {@code q} (ignoring case).
	 */
	public List<PublicPower> powers(String q, String department, String category) {
		PublicNames.Directory directory = names.directory();
		List<String> words = q == null ? List.of()
				: Arrays.stream(q.trim().toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).toList();
		return catalog.powers(true).stream()
			.filter(p -> blank(department) || department.equals(p.department()))
			.filter(p -> blank(category) || category.equalsIgnoreCase(p.category()))
			.map(p -> power(p, directory))
			.filter(p -> words.stream().allMatch(word -> matches(p, word)))
			.toList();
	}

	public Optional<PublicPowerDetail> power(String code) {
		Optional<Catalog.PowerEntry> entry = catalog.power(code).filter(Catalog.PowerEntry::isPublic);
		if (entry.isEmpty()) {
			return Optional.empty();
		}
		PublicNames.Directory directory = names.directory();
		List<PublicStep> steps = catalog.steps(code).stream()
			.map(s -> new PublicStep(s.id(), s.name(), directory.responsible(s.assignee(), s.candidateGroups()), s.timeLimit(),
					directory.supervisor(s.supervisor()), s.riskLevel(),
					s.risks().stream().map(r -> new PublicRisk(r.code(), r.level(), r.description(), r.measure())).toList(),
					s.unsupervised()))
			.toList();
		return Optional.of(new PublicPowerDetail(power(entry.get(), directory), steps, diagram(code).orElse(null)));
	}

	/** The latest version's sanitized drawing of a public power. */
	public Optional<String> diagram(String code) {
		if (catalog.power(code).filter(Catalog.PowerEntry::isPublic).isEmpty()) {
			return Optional.empty();
		}
		return versions.latest(code).flatMap(versions::publicDiagram);
	}

	private static PublicPower power(Catalog.PowerEntry p, PublicNames.Directory directory) {
		return new PublicPower(p.code(), p.name(), p.category(), p.department(), directory.department(p.department()),
				p.statutoryLimit(), p.promisedLimit(), p.calendar(), p.fee(), p.legalBasis());
	}

	private static boolean matches(PublicPower p, String word) {
		return contains(p.name(), word) || contains(p.code(), word) || contains(p.departmentName(), word)
				|| contains(p.legalBasis(), word);
	}

	private static boolean contains(String text, String word) {
		return text != null && text.toLowerCase(Locale.ROOT).contains(word);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
