package org.sunlight.identity.internal;

import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.identity.OrgChart;
import org.sunlight.identity.Organisation;

/**
 * {@code /api/org}: the organisation chart (read by administrators, designers, supervisors and
 * leaders) and its changes (administrators). Every change answers with the whole chart.
 */
@RestController
@RequestMapping("/api/org")
class OrganisationController {

	private final Organisation organisation;
	private final OrganisationAdministration admin;

	OrganisationController(Organisation organisation, OrganisationAdministration admin) {
		this.organisation = organisation;
		this.admin = admin;
	}

	record UnitRequest(String id, String name, String parentId) {
	}

	record LeadersRequest(String principal, List<OrgChart.Deputy> deputies) {
	}

	record DepartmentRequest(String id, String unitId, String name, String headUser) {
	}

	record PostRequest(String id, String departmentId, String name) {
	}

	record PersonRequest(String username, String displayName, String password, List<String> roles, List<String> posts,
			Boolean enabled) {
	}

	record SupervisionRequest(List<String> departments) {
	}

	@GetMapping
	OrgChart chart() {
		return organisation.chart();
	}

	@PostMapping("/units")
	@ResponseStatus(HttpStatus.CREATED)
	OrgChart createUnit(@RequestBody UnitRequest body, Principal by) {
		admin.createUnit(body.id(), body.name(), blankToNull(body.parentId()), by.getName());
		return organisation.chart();
	}

	@PutMapping("/units/{id}")
	OrgChart updateUnit(@PathVariable String id, @RequestBody UnitRequest body, Principal by) {
		admin.updateUnit(id, body.name(), blankToNull(body.parentId()), by.getName());
		return organisation.chart();
	}

	@PutMapping("/units/{id}/leaders")
	OrgChart setLeaders(@PathVariable String id, @RequestBody LeadersRequest body, Principal by) {
		admin.setLeaders(id, blankToNull(body.principal()), body.deputies(), by.getName());
		return organisation.chart();
	}

	@PostMapping("/departments")
	@ResponseStatus(HttpStatus.CREATED)
	OrgChart createDepartment(@RequestBody DepartmentRequest body, Principal by) {
		admin.createDepartment(body.id(), body.unitId(), body.name(), blankToNull(body.headUser()), by.getName());
		return organisation.chart();
	}

	@PutMapping("/departments/{id}")
	OrgChart updateDepartment(@PathVariable String id, @RequestBody DepartmentRequest body, Principal by) {
		admin.updateDepartment(id, body.name(), blankToNull(body.headUser()), by.getName());
		return organisation.chart();
	}

	@PostMapping("/posts")
	@ResponseStatus(HttpStatus.CREATED)
	OrgChart createPost(@RequestBody PostRequest body, Principal by) {
		admin.createPost(body.id(), body.departmentId(), body.name(), by.getName());
		return organisation.chart();
	}

	@PostMapping("/people")
	@ResponseStatus(HttpStatus.CREATED)
	OrgChart createPerson(@RequestBody PersonRequest body, Principal by) {
		admin.createPerson(body.username(), body.displayName(), body.password(), body.roles(), body.posts(),
				by.getName());
		return organisation.chart();
	}

	@PutMapping("/people/{username}")
	OrgChart updatePerson(@PathVariable String username, @RequestBody PersonRequest body, Principal by) {
		admin.updatePerson(username, body.displayName(), body.password(), body.roles(), body.posts(), body.enabled(),
				by.getName());
		return organisation.chart();
	}

	@PostMapping("/people/{username}/unlock")
	OrgChart unlock(@PathVariable String username, Principal by) {
		admin.unlock(username, by.getName());
		return organisation.chart();
	}

	@PutMapping("/supervisors/{username}")
	OrgChart setSupervision(@PathVariable String username, @RequestBody SupervisionRequest body, Principal by) {
		admin.setSupervision(username, body.departments(), by.getName());
		return organisation.chart();
	}

	/** Which departments' powers the designer draws and may submit ({@code *} for all). */
	@PutMapping("/designers/{username}")
	OrgChart setDrawing(@PathVariable String username, @RequestBody SupervisionRequest body, Principal by) {
		admin.setDrawing(username, body.departments(), by.getName());
		return organisation.chart();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
