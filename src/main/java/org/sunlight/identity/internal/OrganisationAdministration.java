package org.sunlight.identity.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.audit.AuditAction;
import org.sunlight.audit.AuditTrail;
import org.sunlight.identity.OrgChart;
import org.sunlight.identity.Roles;
import org.sunlight.system.ConflictException;
import org.sunlight.system.NotFoundException;
import org.sunlight.system.UnprocessableException;

/**
 * Changes to the organisation, by administrators (and the demo seed). Each change checks
 * everything first and then writes Sunlight's tables, Camunda's users, groups and memberships
 * and an audit record in one transaction, so a refused change leaves nothing behind.
 */
@Service
public class OrganisationAdministration {

	/** Ids become Camunda ids and URL segments. */
	static final Pattern ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}");

	static final int MIN_PASSWORD = 8;

	private final OrgStore org;
	private final AccountStore accounts;
	private final IdentityService identity;
	private final PasswordEncoder encoder;
	private final AuditTrail audit;
	private final SignInLocks signInLocks;

	OrganisationAdministration(OrgStore org, AccountStore accounts, IdentityService identity, PasswordEncoder encoder,
			AuditTrail audit, SignInLocks signInLocks) {
		this.signInLocks = signInLocks;
		this.org = org;
		this.accounts = accounts;
		this.identity = identity;
		this.encoder = encoder;
		this.audit = audit;
	}

	@Transactional
	public void createUnit(String id, String name, String parentId, String by) {
		checkId("unit id", id);
		String checkedName = required("name", name);
		if (org.unit(id).isPresent()) {
			throw new UnprocessableException("a unit with id " + id + " already exists");
		}
		if (parentId != null && org.unit(parentId).isEmpty()) {
			throw new UnprocessableException("unknown parent unit " + parentId);
		}
		org.insertUnit(id, checkedName, parentId);
		changed(by, "unit", id, "created", Map.of("name", checkedName, "parentId", String.valueOf(parentId)));
	}

	@Transactional
	public void updateUnit(String id, String name, String parentId, String by) {
		org.unit(id).orElseThrow(() -> new NotFoundException("no unit with id " + id));
		String checkedName = required("name", name);
		if (parentId != null) {
			if (org.unit(parentId).isEmpty()) {
				throw new UnprocessableException("unknown parent unit " + parentId);
			}
			// Walk up from the new parent: meeting the unit itself means a cycle.
			Map<String, String> parents = new LinkedHashMap<>();
			org.units().forEach(u -> parents.put(u.id(), u.parentId()));
			for (String up = parentId; up != null; up = parents.get(up)) {
				if (up.equals(id)) {
					throw new UnprocessableException(
							"unit " + parentId + " cannot be the parent of " + id + ": the unit tree would have a cycle");
				}
			}
		}
		org.updateUnit(id, checkedName, parentId);
		changed(by, "unit", id, "updated", Map.of("name", checkedName, "parentId", String.valueOf(parentId)));
	}

	@Transactional
	public void createDepartment(String id, String unitId, String name, String headUser, String by) {
		checkId("department id", id);
		String checkedName = required("name", name);
		if (org.department(id).isPresent()) {
			throw new UnprocessableException("a department with id " + id + " already exists");
		}
		requireUnit(unitId);
		requirePerson(headUser);
		org.insertDepartment(new OrgChart.Department(id, unitId, checkedName, headUser));
		changed(by, "department", id, "created",
				Map.of("unitId", unitId, "name", checkedName, "headUser", String.valueOf(headUser)));
	}

	@Transactional
	public void updateDepartment(String id, String name, String headUser, String by) {
		OrgChart.Department current = org.department(id)
			.orElseThrow(() -> new NotFoundException("no department with id " + id));
		String checkedName = required("name", name);
		requirePerson(headUser);
		org.updateDepartment(new OrgChart.Department(id, current.unitId(), checkedName, headUser));
		changed(by, "department", id, "updated", Map.of("name", checkedName, "headUser", String.valueOf(headUser)));
	}

	@Transactional
	public void createPost(String id, String departmentId, String name, String by) {
		checkId("post id", id);
		String checkedName = required("name", name);
		if (org.postExists(id) || identity.createGroupQuery().groupId(id).count() > 0) {
			throw new UnprocessableException("a post or group with id " + id + " already exists");
		}
		if (departmentId == null || org.department(departmentId).isEmpty()) {
			throw new UnprocessableException("unknown department " + departmentId);
		}
		org.insertPost(new OrgChart.Post(id, departmentId, checkedName));
		Group group = identity.newGroup(id);
		group.setName(checkedName);
		group.setType(OrgReader.POST);
		identity.saveGroup(group);
		changed(by, "post", id, "created", Map.of("departmentId", departmentId, "name", checkedName));
	}

	@Transactional
	public void createPerson(String username, String displayName, String password, List<String> roles,
			List<String> posts, String by) {
		checkId("username", username);
		String name = required("displayName", displayName);
		if (accounts.find(username).isPresent() || identity.createUserQuery().userId(username).count() > 0) {
			throw new UnprocessableException("a person with username " + username + " already exists");
		}
		checkPassword(password);
		List<String> checkedRoles = checkRoles(roles);
		List<String> checkedPosts = checkPosts(posts);
		accounts.insert(username, name, encoder.encode(password), checkedRoles, ClockUtil.getCurrentTime().toInstant());
		User user = identity.newUser(username);
		user.setFirstName(name);
		identity.saveUser(user);
		checkedPosts.forEach(post -> identity.createMembership(username, post));
		changed(by, "person", username, "created",
				Map.of("displayName", name, "roles", checkedRoles.toString(), "posts", checkedPosts.toString()));
	}

	/** Null fields keep their value; a new password is set only when given. */
	@Transactional
	public void updatePerson(String username, String displayName, String password, List<String> roles,
			List<String> posts, Boolean enabled, String by) {
		AccountStore.Account account = accounts.find(username)
			.orElseThrow(() -> new NotFoundException("no person with username " + username));
		String name = displayName == null ? account.displayName() : required("displayName", displayName);
		if (password != null) {
			checkPassword(password);
		}
		List<String> checkedRoles = roles == null ? null : checkRoles(roles);
		List<String> checkedPosts = posts == null ? null : checkPosts(posts);
		accounts.update(username, name, enabled == null ? account.enabled() : enabled);
		if (password != null) {
			accounts.setPassword(username, encoder.encode(password));
		}
		if (checkedRoles != null) {
			accounts.setRoles(username, checkedRoles);
		}
		User user = identity.createUserQuery().userId(username).singleResult();
		if (user == null) {
			user = identity.newUser(username);
		}
		user.setFirstName(name);
		identity.saveUser(user);
		if (checkedPosts != null) {
			Set<String> wanted = new HashSet<>(checkedPosts);
			for (Group group : identity.createGroupQuery().groupMember(username).groupType(OrgReader.POST).list()) {
				if (!wanted.remove(group.getId())) {
					identity.deleteMembership(username, group.getId());
				}
			}
			wanted.forEach(post -> identity.createMembership(username, post));
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("displayName", name);
		details.put("roles", checkedRoles);
		details.put("posts", checkedPosts);
		details.put("enabled", enabled);
		details.put("passwordChanged", password != null);
		changed(by, "person", username, "updated", details);
	}

	@Transactional
	public void unlock(String username, String by) {
		accounts.find(username).orElseThrow(() -> new NotFoundException("no person with username " + username));
		signInLocks.clearAll(username);
		changed(by, "person", username, "unlocked", Map.of());
	}

	/** Replaces the unit's principal leader and deputies with the departments each oversees. */
	@Transactional
	public void setLeaders(String unitId, String principal, List<OrgChart.Deputy> deputies, String by) {
		requireUnit(unitId);
		requirePerson(principal);
		List<OrgChart.Deputy> checked = deputies == null ? List.of() : deputies;
		Set<String> seen = new HashSet<>();
		for (OrgChart.Deputy deputy : checked) {
			if (deputy == null || deputy.username() == null) {
				throw new IllegalArgumentException("every deputy needs a username");
			}
			requirePerson(deputy.username());
			if (!seen.add(deputy.username()) || deputy.username().equals(principal)) {
				throw new UnprocessableException(deputy.username() + " is named twice among the unit's leaders");
			}
			for (String department : deputy.departments() == null ? List.<String>of() : deputy.departments()) {
				OrgChart.Department d = org.department(department)
					.orElseThrow(() -> new UnprocessableException("unknown department " + department));
				if (!d.unitId().equals(unitId)) {
					throw new UnprocessableException("department " + department + " belongs to unit " + d.unitId()
							+ ", not to " + unitId);
				}
			}
		}
		List<OrgChart.Deputy> normalised = checked.stream()
			.map(d -> new OrgChart.Deputy(d.username(), d.departments() == null ? List.of() : List.copyOf(d.departments())))
			.toList();
		org.replaceLeaders(unitId, principal, normalised);
		changed(by, "unit", unitId, "leaders set",
				Map.of("principal", String.valueOf(principal), "deputies", normalised.toString()));
	}

	/** The departments a supervisor watches; {@code *} for all of them. */
	@Transactional
	public void setSupervision(String username, List<String> departments, String by) {
		requirePerson(username);
		List<String> checked = departments(departments);
		org.replaceSupervision(username, checked);
		changed(by, "person", username, "supervision set", Map.of("departments", checked.toString()));
	}

	/** The departments whose powers a designer draws (and deploys); {@code *} for all of them. */
	@Transactional
	public void setDrawing(String username, List<String> departments, String by) {
		requirePerson(username);
		List<String> checked = departments(departments);
		org.replaceDrawn(username, checked);
		changed(by, "person", username, "drawing set", Map.of("departments", checked.toString()));
	}

	/** Known department ids or {@code *}, each once. */
	private List<String> departments(List<String> departments) {
		if (departments == null) {
			throw new IllegalArgumentException("departments is required: a list of department ids, or [\"*\"] for all");
		}
		List<String> checked = new ArrayList<>();
		for (String department : departments) {
			if (!OrgStore.EVERY_DEPARTMENT.equals(department) && org.department(department).isEmpty()) {
				throw new UnprocessableException("unknown department " + department);
			}
			if (!checked.contains(department)) {
				checked.add(department);
			}
		}
		return checked;
	}

	private void changed(String by, String subjectType, String subjectId, String change, Map<String, ?> details) {
		Map<String, Object> all = new LinkedHashMap<>(details);
		all.put("change", subjectType + " " + change);
		audit.record(AuditAction.ORGANISATION_CHANGED, by, subjectType, subjectId, all);
	}

	private void requireUnit(String unitId) {
		if (unitId == null || org.unit(unitId).isEmpty()) {
			throw new UnprocessableException("unknown unit " + unitId);
		}
	}

	private void requirePerson(String username) {
		if (username != null && accounts.find(username).isEmpty()) {
			throw new UnprocessableException("unknown person " + username);
		}
	}

	private List<String> checkPosts(List<String> posts) {
		List<String> checked = posts == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(posts));
		for (String post : checked) {
			if (!org.postExists(post)) {
				throw new UnprocessableException("unknown post " + post);
			}
		}
		return checked;
	}

	private static List<String> checkRoles(List<String> roles) {
		if (roles == null || roles.isEmpty()) {
			throw new IllegalArgumentException("roles is required; allowed: " + Roles.ALL);
		}
		for (String role : roles) {
			if (!Roles.ALL.contains(role)) {
				throw new IllegalArgumentException("unknown role '" + role + "'; allowed: " + Roles.ALL);
			}
		}
		return List.copyOf(new java.util.LinkedHashSet<>(roles));
	}

	private static void checkPassword(String password) {
		if (password == null || password.length() < MIN_PASSWORD) {
			throw new IllegalArgumentException("password must have at least " + MIN_PASSWORD + " characters");
		}
	}

	private static void checkId(String what, String id) {
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException(what + " must be 1–64 letters, digits, '.', '_' or '-', "
					+ "starting with a letter or digit, not '" + id + "'");
		}
	}

	private static String required(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(field + " is required");
		}
		if (value.length() > 255) {
			throw new IllegalArgumentException(field + " is longer than 255 characters");
		}
		return value.trim();
	}

}
