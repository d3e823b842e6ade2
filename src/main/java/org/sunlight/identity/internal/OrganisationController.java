package org.sunlight.identity.internal;

import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

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
import org.sunlight.system.Columns;

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

	record UnitRequest(@Size(max = Columns.ID) String id, @Size(max = Columns.NAME) String name,
			@Size(max = Columns.ID) String parentId) {
	}

	record LeadersRequest(@Size(max = Columns.ID) String principal, List<OrgChart.Deputy> deputies) {
	}

	record DepartmentRequest(@Size(max = Columns.ID) String id, @Size(max = Columns.ID) String unitId,
			@Size(max = Columns.NAME) String name, @Size(max = Columns.ID) String headUser) {
	}

	record PostRequest(@Size(max = Columns.ID) String id, @Size(max = Columns.ID) String departmentId,
			@Size(max = Columns.NAME) String name) {
	}

	record PersonRequest(@Size(max = Columns.ID) String username, @Size(max = Columns.NAME) String displayName,
			@Size(max = Columns.NAME) String password, List<@Size(max = Columns.CODE) String> roles,
			List<@Size(max = Columns.ID) String> posts,
			Boolean enabled) {
	}

	record SupervisionRequest(List<@Size(max = Columns.ID) String> departments) {
	}

	@GetMapping
	OrgChart chart() {
		return organisation.chart();
	}

	@PostMapping("/units")
	@ResponseStatus(HttpStatus.CREATED)
	OrgChart createUnit(@Valid @RequestBody UnitRequest body, Principal by) {
		admin.createUnit(body.id(), body.name(), blankToNull(body.parentId()), by.getName());
		return organisation.chart();
	}

	@PutMapping("/units/{id}")
	OrgChart updateUnit(@PathVariable String id, @Valid @RequestBody UnitRequest body, Principal by) {
		admin.updateUnit(id, body.name(), blankToNull(body.parentId()), by.getName());
		return organisation.chart();
	}

	@PutMapping("/units/{id}/leaders")
	OrgChart setLeaders(@PathVariable String id, @Valid @RequestBody LeadersRequest body, Principal by) {
		admin.setLeaders(id, blankToNull(body.principal()), body.deputies(), by.getName());
		return organisation.chart();
	}

	@PostMapping("/departments")
	@ResponseStatus(HttpStatus.CREATED)
	OrgChart createDepartment(@Valid @RequestBody DepartmentRequest body, Principal by) {
		admin.createDepartment(body.id(), body.unitId(), body.name(), blankToNull(body.headUser()), by.getName());
		return organisation.chart();
	}

	@PutMapping("/departments/{id}")
	OrgChart updateDepartment(@PathVariable String id, @Valid @RequestBody DepartmentRequest body, Principal by) {
		admin.updateDepartment(id, body.name(), blankToNull(body.headUser()), by.getName());
		return organisation.chart();
	}

	@PostMapping("/posts")
	@ResponseStatus(HttpStatus.CREATED)
	OrgChart createPost(@Valid @RequestBody PostRequest body, Principal by) {
		admin.createPost(body.id(), body.departmentId(), body.name(), by.getName());
		return organisation.chart();
	}

	@PostMapping("/people")
	@ResponseStatus(HttpStatus.CREATED)
	OrgChart createPerson(@Valid @RequestBody PersonRequest body, Principal by) {
		admin.createPerson(body.username(), body.displayName(), body.password(), body.roles(), body.posts(),
				by.getName());
		return organisation.chart();
	}

	@PutMapping("/people/{username}")
	OrgChart updatePerson(@PathVariable String username, @Valid @RequestBody PersonRequest body, Principal by) {
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
	OrgChart setSupervision(@PathVariable String username, @Valid @RequestBody SupervisionRequest body, Principal by) {
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
