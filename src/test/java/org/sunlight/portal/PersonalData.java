package org.sunlight.portal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sunlight.identity.OrgChart;

/**
 * What counts as personal in a public answer, and where it was found: the given names (applicants'
 * full names, people's display names and the names in them), the given usernames as whole words,
 * and anything shaped like an 18-digit ID number, an unmasked 11-digit mobile number or an email
 * address. A JSON answer is read value by value (its keys are field names such as "supervisor",
 * which is also a username); anything else as text.
 */
final class PersonalData {

	static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])");

	static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

	static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Set<String> names;
	private final List<Pattern> usernames = new ArrayList<>();

	PersonalData(Set<String> names, Set<String> usernames) {
		this.names = Set.copyOf(names);
		usernames.forEach(u -> this.usernames
			.add(Pattern.compile("(?<![A-Za-z0-9_.-])" + Pattern.quote(u) + "(?![A-Za-z0-9_.-])")));
	}

	/**
	 * Everyone in the organisation by username and display name: the whole display name and its
	 * last word without its parenthesis ("县长 刘洋（主要领导）" also gives "刘洋"; the role words
	 * before it, such as "经办人", are the portal's own in "指定经办人"). A display name of one
	 * character, or one that is also a post's or department's name (tests name people so), is no
	 * name to look for.
	 */
	static PersonalData of(OrgChart chart, Set<String> moreNames, Set<String> moreUsernames) {
		Set<String> names = new LinkedHashSet<>(moreNames);
		Set<String> usernames = new LinkedHashSet<>(moreUsernames);
		Set<String> publicNames = new HashSet<>();
		chart.posts().forEach(p -> publicNames.add(p.name()));
		chart.departments().forEach(d -> publicNames.add(d.name()));
		for (OrgChart.Person person : chart.people()) {
			usernames.add(person.username());
			String display = person.displayName() == null ? "" : person.displayName().trim();
			String[] words = display.split("\\s+");
			for (String name : List.of(display, words[words.length - 1].replaceAll("[（(].*$", "").trim())) {
				if (name.codePointCount(0, name.length()) >= 2 && !publicNames.contains(name)) {
					names.add(name);
				}
			}
		}
		return new PersonalData(names, usernames);
	}

	/** What in {@code body} is personal, each as "kind 'match'"; empty when nothing is. */
	List<String> findIn(String body) {
		List<String> found = new ArrayList<>();
		for (String text : texts(body)) {
			for (String name : names) {
				if (text.contains(name)) {
					found.add("name '" + name + "'");
				}
			}
			for (Pattern username : usernames) {
				Matcher m = username.matcher(text);
				if (m.find()) {
					found.add("username '" + m.group() + "'");
				}
			}
			add(found, "ID number", ID_NUMBER, text);
			add(found, "phone", MOBILE, text);
			add(found, "email", EMAIL, text);
		}
		return found;
	}

	private static void add(List<String> found, String kind, Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			found.add(kind + " '" + m.group() + "'");
		}
	}

	/** A JSON body's values (numbers too, a phone may come as one); other bodies whole. */
	private static List<String> texts(String body) {
		try {
			JsonNode root = JSON.readTree(body);
			if (root != null && (root.isObject() || root.isArray())) {
				List<String> values = new ArrayList<>();
				collect(root, values);
				return values;
			}
		}
		catch (Exception notJson) {
			// Plain text or XML: scanned as it is.
		}
		return List.of(body);
	}

	private static void collect(JsonNode node, List<String> values) {
		if (node.isContainerNode()) {
			node.forEach(child -> collect(child, values));
		}
		else if (!node.isNull()) {
			values.add(node.asText());
		}
	}

}
