package org.sunlight.portal.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.sunlight.identity.OrgChart;
import org.sunlight.identity.Organisation;

/**
 * Names the public may read for the references a model holds: posts and departments by their
 * names; a person (an assignee, a {@code user:} supervisor) never by name or username, only by a
 * neutral label in the request's language.
 */
@Component
public class PublicNames {

	private final Organisation organisation;
	private final MessageSource messages;

	PublicNames(Organisation organisation, MessageSource messages) {
		this.organisation = organisation;
		this.messages = messages;
	}

	/** One read of the chart's posts and departments, for naming many references at once. */
	public Directory directory() {
		OrgChart chart = organisation.chart();
		return new Directory(chart.posts().stream().collect(Collectors.toMap(OrgChart.Post::id, OrgChart.Post::name)),
				chart.departments().stream()
					.collect(Collectors.toMap(OrgChart.Department::id, OrgChart.Department::name)),
				key -> messages.getMessage(key, null, key, LocaleContextHolder.getLocale()));
	}

	/** Post and department names, and the labels that stand for people. */
	public record Directory(Map<String, String> posts, Map<String, String> departments,
			Function<String, String> label) {

		public String department(String id) {
			return id == null ? null : departments.getOrDefault(id, id);
		}

		/** The step's posts by name; a named assignee becomes "designated handler". */
		public List<String> responsible(String assignee, List<String> candidateGroups) {
			List<String> names = new java.util.ArrayList<>();
			for (String group : candidateGroups) {
				String name = group.contains("${") ? label.apply("portal.postPerCase") : posts.getOrDefault(group, group);
				if (!names.contains(name)) {
					names.add(name);
				}
			}
			if (assignee != null && !assignee.isBlank()) {
				names.add(label.apply("portal.designatedHandler"));
			}
			return names;
		}

		/** {@code group:ID} by the post's or department's name; {@code user:ID} by a label. */
		public String supervisor(String reference) {
			if (reference == null || reference.isBlank()) {
				return null;
			}
			if (reference.startsWith("group:")) {
				String id = reference.substring("group:".length());
				return posts.getOrDefault(id, departments.getOrDefault(id, id));
			}
			return label.apply("portal.designatedSupervisor");
		}

	}

}
