package org.sunlight.identity.internal;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.sunlight.identity.LeaderKind;
import org.sunlight.identity.OrgChart;

/** Reads the organisation tables, the accounts and the posts' memberships in Camunda. */
@Component
public class OrgReader {

	public static final String EVERY_DEPARTMENT = OrgStore.EVERY_DEPARTMENT;

	/** Camunda group types Sunlight uses. */
	static final String POST = "POST";

	private final OrgStore org;
	private final AccountStore accounts;
	private final IdentityService identity;

	OrgReader(OrgStore org, AccountStore accounts, IdentityService identity) {
		this.org = org;
		this.accounts = accounts;
		this.identity = identity;
	}

	public List<String> roles(String username) {
		return accounts.roles(username);
	}

	/** The name people know someone by; the username when there is no such account. */
	public String displayName(String username) {
		return accounts.find(username).map(AccountStore.Account::displayName).orElse(username);
	}

	public List<OrgChart.Post> posts() {
		return org.posts();
	}

	public List<String> supervised(String username) {
		return org.supervised(username);
	}

	public List<String> drawn(String username) {
		return org.drawn(username);
	}

	public Optional<String> unitOf(String department) {
		return org.department(department).map(OrgChart.Department::unitId);
	}

	public Optional<OrgChart.Department> department(String id) {
		return org.department(id);
	}

	public Optional<String> headOf(String department) {
		return org.department(department).map(OrgChart.Department::headUser);
	}

	public List<String> principals(String unit) {
		return org.leaders(unit, LeaderKind.PRINCIPAL);
	}

	public List<String> deputiesOf(String department) {
		return org.deputiesOf(department);
	}

	public java.util.Set<String> ledDepartments(String username) {
		return new java.util.TreeSet<>(org.ledDepartments(username));
	}

	public List<String> postsOf(String username) {
		return identity.createGroupQuery().groupMember(username).groupType(POST).list().stream().map(Group::getId)
			.sorted().toList();
	}

	public List<String> supervisorsOf(String department) {
		return org.supervisorsOf(department);
	}

	/** The members of a Camunda group of any type (a post, a supervision group). */
	public List<String> members(String group) {
		return identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId)
			.sorted().toList();
	}

	public List<String> withRole(String role) {
		return accounts.withRole(role);
	}

	public OrgChart chart() {
		List<OrgChart.Unit> units = org.units().stream().map(u -> {
			List<String> principals = org.leaders(u.id(), LeaderKind.PRINCIPAL);
			List<OrgChart.Deputy> deputies = org.leaders(u.id(), LeaderKind.DEPUTY).stream()
				.map(d -> new OrgChart.Deputy(d, org.deputyDepartments(d)))
				.toList();
			return new OrgChart.Unit(u.id(), u.name(), u.parentId(), principals.isEmpty() ? null : principals.get(0),
					deputies);
		}).toList();
		List<OrgChart.Person> people = accounts.usernames().stream()
			.map(username -> accounts.find(username).orElseThrow())
			.map(a -> new OrgChart.Person(a.username(), a.displayName(), a.roles(), postsOf(a.username()),
					org.supervised(a.username()), org.drawn(a.username()), a.enabled(), a.lockedUntil()))
			.toList();
		return new OrgChart(units, org.departments(), org.posts(), people);
	}

}
