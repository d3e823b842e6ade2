package org.sunlight.designer;

import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The posts (Camunda groups) and people (Camunda users) the designer's pickers offer. A stand-in
 * until the identity module publishes the organisation; then the app should read that instead.
 */
@RestController
class PickerController {

	private final IdentityService identity;

	PickerController(IdentityService identity) {
		this.identity = identity;
	}

	@GetMapping("/api/designer/org")
	Organisation organisation() {
		List<Post> posts = identity.createGroupQuery().list().stream()
			.map(g -> new Post(g.getId(), g.getName() == null ? g.getId() : g.getName(), g.getType()))
			.sorted(Comparator.comparing(Post::id))
			.toList();
		List<Person> people = identity.createUserQuery().list().stream()
			.map(u -> new Person(u.getId(), name(u.getFirstName(), u.getLastName(), u.getId())))
			.sorted(Comparator.comparing(Person::id))
			.toList();
		return new Organisation(posts, people);
	}

	private static String name(String first, String last, String id) {
		String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
		return name.isEmpty() ? id : name;
	}

	record Organisation(List<Post> posts, List<Person> people) {
	}

	record Post(String id, String name, String type) {
	}

	record Person(String id, String name) {
	}

}
