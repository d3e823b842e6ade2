package org.sunlight.risk.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.sunlight.identity.OrgChart;
import org.sunlight.identity.Organisation;
import org.sunlight.risk.RiskFilter;
import org.sunlight.risk.RiskGroup;
import org.sunlight.risk.RiskPoint;
import org.sunlight.risk.RiskView;

/**
 * The registers as people read them: points with the names of their departments, posts, owners and
 * reviewers, grouped by post, by department or as one list for the unit.
 */
@Service
class RiskRegister {

	/** The group of points whose step names no post (a person or an expression is responsible). */
	static final String NO_POST = "";

	private final RiskStore store;
	private final Organisation organisation;

	RiskRegister(RiskStore store, Organisation organisation) {
		this.store = store;
		this.organisation = organisation;
	}

	/** The points the filter selects, in department, power and step order. */
	List<RiskPoint> points(RiskFilter filter) {
		List<RiskStore.Row> rows = store.find(filter);
		Map<Long, List<RiskStore.HistoryRow>> history = store.historyOf(rows.stream().map(RiskStore.Row::id).toList());
		Names names = new Names(organisation.chart());
		Map<String, List<RiskPoint.Named>> owners = new java.util.HashMap<>();
		List<RiskPoint> points = new ArrayList<>(rows.size());
		for (RiskStore.Row row : rows) {
			List<RiskPoint.Named> owner = owners.computeIfAbsent(row.department() + "\n" + row.level(),
					k -> organisation.leadersFor(row.department(), row.level())
						.stream()
						.map(reference -> names.person(reference.substring("user:".length())))
						.toList());
			points.add(point(row, history.getOrDefault(row.id(), List.of()), names, owner));
		}
		return points;
	}

	/** The register of the view: one group per post or department, or one for the unit. */
	List<RiskGroup> view(RiskView view, RiskFilter filter) {
		List<RiskPoint> points = points(filter);
		return switch (view) {
			case UNIT -> List.of(new RiskGroup("", "", null, null, points));
			case DEPARTMENT -> group(points, p -> List.of(p.department()),
					(id, sample) -> new RiskGroup(id, sample.departmentName(), id, sample.departmentName(), List.of()));
			case POST -> group(points,
					p -> p.posts().isEmpty() ? List.of(NO_POST) : p.posts().stream().map(RiskPoint.Named::id).toList(),
					(id, sample) -> new RiskGroup(id, id.equals(NO_POST) ? null : sample.posts().stream()
						.filter(post -> post.id().equals(id)).findFirst().map(RiskPoint.Named::name).orElse(id),
							sample.department(), sample.departmentName(), List.of()));
		};
	}

	/** Groups in order of first appearance; a point under several posts appears in each. */
	private static List<RiskGroup> group(List<RiskPoint> points, Function<RiskPoint, List<String>> keys,
			java.util.function.BiFunction<String, RiskPoint, RiskGroup> header) {
		Map<String, List<RiskPoint>> groups = new LinkedHashMap<>();
		Map<String, RiskGroup> headers = new LinkedHashMap<>();
		for (RiskPoint point : points) {
			for (String key : keys.apply(point)) {
				groups.computeIfAbsent(key, k -> new ArrayList<>()).add(point);
				headers.computeIfAbsent(key, k -> header.apply(k, point));
			}
		}
		List<RiskGroup> result = new ArrayList<>();
		groups.forEach((key, members) -> {
			RiskGroup h = headers.get(key);
			result.add(new RiskGroup(h.id(), h.name(), h.department(), h.departmentName(), members));
		});
		return result;
	}

	private static RiskPoint point(RiskStore.Row row, List<RiskStore.HistoryRow> history, Names names,
			List<RiskPoint.Named> owners) {
		List<RiskPoint.Named> posts = row.posts() == null || row.posts().isBlank() ? List.of()
				: Arrays.stream(row.posts().split(",")).map(String::trim).map(names::post).toList();
		return new RiskPoint(row.id(), row.code(), row.powerCode(), row.powerName(), row.department(),
				names.department(row.department()), row.stepId(), row.stepName(), posts, row.level(), row.description(),
				row.measure(), ownerRole(row.level()), owners, row.status(), row.firstVersion(), row.lastVersion(),
				row.retiredVersion(), row.reviewedAt(), row.reviewedBy() == null ? null : names.person(row.reviewedBy()),
				history.stream()
					.map(h -> new RiskPoint.Change(h.version(), h.change(), h.level(), h.stepId(), h.stepName(), h.posts(),
							h.description(), h.measure(), h.at()))
					.toList());
	}

	/**
	 * Who answers for a point of this level: the same leaders a red alarm on a step of that level
	 * reaches (Organisation.leadersFor), so that the register and the escalations agree.
	 */
	static String ownerRole(int level) {
		return switch (level) {
			case 1 -> "PRINCIPAL";
			case 2 -> "DEPUTY";
			default -> "HEAD";
		};
	}

	/** The organisation's names, read once per register. */
	private static final class Names {

		private final Map<String, String> departments;
		private final Map<String, String> posts;
		private final Map<String, String> people;

		Names(OrgChart chart) {
			departments = chart.departments().stream()
				.collect(Collectors.toMap(OrgChart.Department::id, OrgChart.Department::name, (a, b) -> a));
			posts = chart.posts().stream().collect(Collectors.toMap(OrgChart.Post::id, OrgChart.Post::name, (a, b) -> a));
			people = chart.people()
				.stream()
				.collect(Collectors.toMap(OrgChart.Person::username, OrgChart.Person::displayName, (a, b) -> a));
		}

		String department(String id) {
			return departments.getOrDefault(id, id);
		}

		RiskPoint.Named post(String id) {
			return new RiskPoint.Named(id, posts.getOrDefault(id, id));
		}

		RiskPoint.Named person(String username) {
			return new RiskPoint.Named(username, people.getOrDefault(username, username));
		}

	}

}
