package org.sunlight.identity.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.catalog.Catalog;
import org.sunlight.identity.LeaderKind;
import org.sunlight.identity.OrgChart;
import org.sunlight.modeling.PowerDeployed;
import org.sunlight.modeling.SystemPowers;

/**
 * The demo organisation (demo profile only), matching the sample powers: one county government
 * with the departments the powers name, a post for every candidate group (in the department of
 * the power that first names it) with both demo handlers in every post, the supervisor watching
 * every department and in every supervisor group, the county head as principal leader, a deputy
 * in charge of every department, one head for every department and the designer drawing the
 * powers of every department of the demo. Runs after the sample powers
 * are deployed (their deployer runs at order 0); adds what is missing and never removes anything.
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoOrganisation implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

	static final String UNIT = "demo-county";
	static final Set<String> HANDLERS = Set.of("handler1", "handler2");
	static final String SYSTEM = "system";
	static final String DESIGNER = "designer";
	/** The discipline office, its complaint post (SYS-COMPLAINT's handlers) and the demo person in it. */
	static final String DISCIPLINE_OFFICE = "discipline-office";
	static final String COMPLAINT_POST = "complaint-handler";
	static final String INSPECTOR = "inspector";

	/** Readable names of the sample powers' departments; others keep their id as name. */
	static final Map<String, String> DEPARTMENT_NAMES = Map.of("land-bureau", "县自然资源局", "finance-bureau", "县财政局",
			"market-regulation-bureau", "县市场监督管理局", "civil-affairs-bureau", "县民政局", "personnel-office",
			"县委组织部（人事科）", "treasury-department", "县国库支付中心", "public-security-bureau", "县公安局",
			DISCIPLINE_OFFICE, "县纪委监委（纪检监察室）");

	private final IdentityService identity;
	private final Catalog catalog;
	private final OrgStore org;
	private final OrganisationAdministration admin;
	private final TransactionTemplate transactions;

	DemoOrganisation(IdentityService identity, Catalog catalog, OrgStore org, OrganisationAdministration admin,
			TransactionTemplate transactions) {
		this.identity = identity;
		this.catalog = catalog;
		this.org = org;
		this.admin = admin;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		transactions.executeWithoutResult(status -> {
			if (org.unit(UNIT).isEmpty()) {
				admin.createUnit(UNIT, "示范县人民政府", null, SYSTEM);
			}
			complaintOffice();
			for (Catalog.PowerEntry power : catalog.powers(false)) {
				adopt(power.department(), catalog.steps(power.code()).stream()
					.map(step -> new StepPeople(step.candidateGroups(), step.supervisor()))
					.toList(), !SystemPowers.isSystem(power.code()));
			}
			if (org.leaders(UNIT, LeaderKind.PRINCIPAL).isEmpty()) {
				List<String> departments = org.departments().stream().map(OrgChart.Department::id).toList();
				admin.setLeaders(UNIT, "leader", List.of(new OrgChart.Deputy("deputy", departments)), SYSTEM);
			}
			if (org.supervised("supervisor").isEmpty()) {
				admin.setSupervision("supervisor", List.of(OrgStore.EVERY_DEPARTMENT), SYSTEM);
			}
			if (org.drawn(DESIGNER).isEmpty()) {
				admin.setDrawing(DESIGNER, org.departments().stream().map(OrgChart.Department::id).toList(), SYSTEM);
			}
			log.info("Demo organisation: {} departments, {} posts with handlers {}", org.departments().size(),
					org.posts().size(), HANDLERS);
		});
	}

	/** A power deployed later (by a designer, or a test) finds its department and posts in place. */
	@EventListener
	void onDeployed(PowerDeployed deployed) {
		if (org.unit(UNIT).isEmpty()) {
			return;
		}
		adopt(deployed.description().department(), deployed.description().steps().stream()
			.map(step -> new StepPeople(step.candidateGroups(), step.supervisor()))
			.toList(), !SystemPowers.isSystem(deployed.description().code()));
	}

	/**
	 * The discipline office handles complaints (SYS-COMPLAINT): its post {@value #COMPLAINT_POST}
	 * with the demo inspector only, not the demo handlers of the other departments.
	 */
	private void complaintOffice() {
		adopt(DISCIPLINE_OFFICE, List.of(), false);
		if (!org.postExists(COMPLAINT_POST)) {
			admin.createPost(COMPLAINT_POST, DISCIPLINE_OFFICE, "投诉举报受理岗", SYSTEM);
		}
		if (identity.createUserQuery().userId(INSPECTOR).memberOfGroup(COMPLAINT_POST).count() == 0) {
			identity.createMembership(INSPECTOR, COMPLAINT_POST);
		}
	}

	private record StepPeople(List<String> posts, String supervisor) {
	}

	/**
	 * Adds what a power's department and steps need and the demo lacks; never removes anything. The
	 * demo handlers join the posts of {@code staffed} powers (not those of Sunlight's own).
	 */
	private void adopt(String department, List<StepPeople> steps, boolean staffed) {
		if (department == null) {
			return;
		}
		if (org.department(department).isEmpty()) {
			admin.createDepartment(department, UNIT, DEPARTMENT_NAMES.getOrDefault(department, department), "head",
					SYSTEM);
			if (org.leaders(UNIT, LeaderKind.DEPUTY).contains("deputy")) {
				org.addDeputyDepartment("deputy", department);
			}
			List<String> drawn = org.drawn(DESIGNER);
			if (!drawn.isEmpty() && !drawn.contains(OrgStore.EVERY_DEPARTMENT)) {
				List<String> more = new java.util.ArrayList<>(drawn);
				more.add(department);
				org.replaceDrawn(DESIGNER, more);
			}
		}
		Set<String> posts = new LinkedHashSet<>();
		Set<String> supervisorGroups = new LinkedHashSet<>();
		for (StepPeople step : steps) {
			// A post named by an expression is chosen per case, not a group to create.
			step.posts().stream().filter(post -> !post.contains("${")).forEach(posts::add);
			if (step.supervisor() != null && step.supervisor().startsWith("group:")) {
				supervisorGroups.add(step.supervisor().substring("group:".length()));
			}
		}
		for (String post : posts) {
			if (!org.postExists(post)) {
				if (identity.createGroupQuery().groupId(post).count() > 0) {
					// Seeded by an earlier version as a bare Camunda group: adopt it.
					org.insertPost(new OrgChart.Post(post, department, post));
				}
				else {
					admin.createPost(post, department, post, SYSTEM);
				}
			}
			for (String handler : staffed ? HANDLERS : Set.<String>of()) {
				if (identity.createUserQuery().userId(handler).memberOfGroup(post).count() == 0) {
					identity.createMembership(handler, post);
				}
			}
		}
		supervisorGroups.forEach(group -> ensureGroup(group, "SUPERVISION", "supervisor"));
	}

	private void ensureGroup(String id, String type, String member) {
		if (identity.createGroupQuery().groupId(id).count() == 0) {
			Group group = identity.newGroup(id);
			group.setName(id);
			group.setType(type);
			identity.saveGroup(group);
		}
		if (identity.createUserQuery().userId(member).memberOfGroup(id).count() == 0) {
			identity.createMembership(member, id);
		}
	}

}
