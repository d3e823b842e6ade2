package org.sunlight.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.sunlight.identity.internal.OrgReader;

/**
 * The organisation as the other modules ask about it: what a supervisor watches, which leaders a
 * red alarm also reaches, who may decide an extension, and the whole chart.
 */
@Service
public class Organisation {

	private final OrgReader reader;

	Organisation(OrgReader reader) {
		this.reader = reader;
	}

	/** Administrators and unit-wide discipline offices see every department. */
	public SupervisionScope supervisionScope(String username) {
		if (reader.roles(username).contains(Roles.ADMIN)) {
			return SupervisionScope.EVERYTHING;
		}
		List<String> departments = reader.supervised(username);
		if (departments.contains(OrgReader.EVERY_DEPARTMENT)) {
			return SupervisionScope.EVERYTHING;
		}
		return new SupervisionScope(false, Set.copyOf(departments));
	}

	/**
	 * The leaders a red alarm on a step of {@code department} with this risk level also goes to
	 * (DOMAIN.md): level 1 the unit's principal leader, level 2 the deputies in charge of the
	 * department, level 3 the department's head; as {@code user:} references, none for no level.
	 */
	public List<String> leadersFor(String department, Integer riskLevel) {
		if (riskLevel == null || department == null) {
			return List.of();
		}
		Set<String> leaders = new LinkedHashSet<>();
		switch (riskLevel) {
			case 1 -> reader.unitOf(department).ifPresent(unit -> leaders.addAll(reader.principals(unit)));
			case 2 -> leaders.addAll(reader.deputiesOf(department));
			case 3 -> reader.headOf(department).ifPresent(leaders::add);
			default -> {
			}
		}
		List<String> references = new ArrayList<>();
		leaders.forEach(leader -> references.add("user:" + leader));
		return references;
	}

	/**
	 * Licensing Law art. 42: an extension is approved by the head of the administrative organ,
	 * that is the unit's principal leader or the deputy in charge of the department.
	 */
	public boolean mayDecideExtension(String username, String department) {
		return extensionDecidersOf(department).contains(username);
	}

	/** Who may decide an extension in the department (see {@link #mayDecideExtension}). */
	public List<String> extensionDecidersOf(String department) {
		Optional<String> unit = reader.unitOf(department);
		if (unit.isEmpty()) {
			return List.of();
		}
		Set<String> deciders = new LinkedHashSet<>(reader.principals(unit.get()));
		deciders.addAll(reader.deputiesOf(department));
		return List.copyOf(deciders);
	}

	/** Who watches the department: supervisors of it or of every department. */
	public List<String> supervisorsOf(String department) {
		return reader.supervisorsOf(department);
	}

	/**
	 * The people a reference names: {@code user:x} (or a bare name) is x, {@code group:g} the members
	 * of the post or supervision group g; a comma-separated list is each of them, without repeats.
	 */
	public List<String> people(String references) {
		Set<String> people = new LinkedHashSet<>();
		if (references != null) {
			for (String reference : references.split(",")) {
				String r = reference.trim();
				if (r.startsWith("group:")) {
					people.addAll(reader.members(r.substring("group:".length())));
				}
				else if (!r.isEmpty()) {
					people.add(r.startsWith("user:") ? r.substring("user:".length()) : r);
				}
			}
		}
		return List.copyOf(people);
	}

	/** The enabled accounts holding the role. */
	public List<String> withRole(String role) {
		return reader.withRole(role);
	}

	/** A person's display name, or their username when they have no account. */
	public String displayName(String username) {
		return reader.displayName(username);
	}

	/**
	 * The departments a leader answers for: all of their unit's for a principal leader, those
	 * they oversee for a deputy, the one they head for a department head.
	 */
	public SupervisionScope leadershipScope(String username) {
		return new SupervisionScope(false, reader.ledDepartments(username));
	}

	/** What the console shows someone: their supervision scope, widened by what they lead. */
	public SupervisionScope consoleScope(String username) {
		SupervisionScope supervised = supervisionScope(username);
		if (supervised.all()) {
			return supervised;
		}
		Set<String> departments = new java.util.HashSet<>(supervised.departments());
		departments.addAll(reader.ledDepartments(username));
		return new SupervisionScope(false, departments);
	}

	/** The departments whose powers someone draws: those the organisation gives them, or all for {@code *}. */
	public SupervisionScope drawingScope(String username) {
		List<String> departments = reader.drawn(username);
		return departments.contains(OrgReader.EVERY_DEPARTMENT) ? SupervisionScope.EVERYTHING
				: new SupervisionScope(false, Set.copyOf(departments));
	}

	/**
	 * The names people know these users by (a username without an account keeps itself), so that
	 * lists say "经办人 张伟" rather than handler1.
	 */
	public java.util.Map<String, String> displayNames(java.util.Collection<String> usernames) {
		java.util.Map<String, String> names = new java.util.HashMap<>();
		usernames.stream().filter(java.util.Objects::nonNull).distinct()
			.forEach(username -> names.put(username, reader.displayName(username)));
		return names;
	}

	/** The names of these posts (a post that is not in the organisation keeps its id). */
	public java.util.Map<String, String> postNames(java.util.Collection<String> ids) {
		java.util.Map<String, String> known = new java.util.HashMap<>();
		reader.posts().forEach(post -> known.put(post.id(), post.name()));
		java.util.Map<String, String> names = new java.util.HashMap<>();
		ids.forEach(id -> names.put(id, known.getOrDefault(id, id)));
		return names;
	}

	public Optional<OrgChart.Department> department(String id) {
		return reader.department(id);
	}

	public OrgChart chart() {
		return reader.chart();
	}

}
