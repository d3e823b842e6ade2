package org.sunlight.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.sunlight.modeling.ImportProposal.Change;
import org.sunlight.modeling.ImportProposal.ImportNote;
import org.sunlight.modeling.internal.SafeXml;
import org.sunlight.modeling.internal.XmlNodes;
import org.sunlight.modeling.internal.compiler.SupervisionCompiler;
import org.sunlight.modeling.internal.validation.ModelBounds;
import org.sunlight.modeling.internal.validation.ModelGuard;
import org.sunlight.modeling.internal.validation.SlModelValidator;
import org.sunlight.support.Imports;
import org.sunlight.system.NotFoundException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The import corpus (test resources {@code models/import/}, one file per tool dialect): every file
 * gets a problem list as it is, and every one becomes a deployable power after the import plus
 * filling in what only a person can say (code, category, legal basis, limits, supervisors).
 */
class ModelImportTests {

	private static final Set<String> BEANS = Set.of("dataSource", "runtimeService", "slClock", "slEscalations");

	static final ResourceBundleMessageSource MESSAGES = messages();

	private final SlModelValidator validator = new SlModelValidator(MESSAGES, BEANS::contains, ModelBounds.DEFAULTS);

	private final ModelImport imports = new ModelImport(xml -> validator.validate(xml, Locale.SIMPLIFIED_CHINESE));

	/** The demo organisation's names for two departments and one post. */
	static final ModelImport.Directory DIRECTORY = new ModelImport.Directory() {

		private final Map<String, String> departments = Map.of("县自然资源局", "land-bureau", "县民政局", "civil-affairs-bureau");

		@Override
		public Optional<String> departmentNamed(String name) {
			return Optional.ofNullable(departments.get(name));
		}

		@Override
		public Optional<String> postNamed(String name) {
			return "land-acceptance-window".equals(name) ? Optional.of(name) : Optional.empty();
		}

	};

	@ParameterizedTest
	@ValueSource(strings = { "camunda-modeler", "bpmn-io", "signavio", "bizagi", "aris", "adonis", "visio", "activiti",
			"flowable", "trisotech" })
	void everyFileGetsAProblemListAsItIsNotARefusal(String file) {
		ValidationReport report = validator.validate(bytes(file), Locale.SIMPLIFIED_CHINESE);

		assertThat(report.problems()).isNotEmpty();
		assertThat(report.valid()).isFalse();
	}

	/** Lanes say who is responsible, so the designer only fills in the catalog entry and each step's clarities. */
	@ParameterizedTest
	@ValueSource(strings = { "camunda-modeler", "bpmn-io", "signavio", "bizagi", "aris", "adonis", "visio", "flowable",
			"trisotech" })
	void everyFileWithLanesBecomesADeployablePowerOnceItsLimitsAreFilledIn(String file) {
		assertDeployableAfterFillingIn(file, false);
	}

	/** Without lanes, tasks that named nobody (a script, a Java class) also need their post from the designer. */
	@Test
	void aFileWithoutLanesBecomesDeployableOnceItsTasksWithoutAPostGetOne() {
		assertDeployableAfterFillingIn("activiti", true);
	}

	private void assertDeployableAfterFillingIn(String file, boolean posts) {
		ImportProposal proposal = propose(file);
		assertThat(proposal.xml()).as("a proposal for %s", file).isNotNull();
		assertThat(proposal.problems()).as("what the designer still has to fill in").isNotEmpty();
		assertThat(proposal.xml()).doesNotContain("schemaLocation", "<script", "activiti:", "flowable:", "signavio:",
				"bizagi:", "aris:", "adonis:", "visio:", "triso:", "modeler:", "${initiator}", "org.example", "xmlns:signavio",
				"xmlns:activiti", "xmlns:flowable", "xmlns:bizagi");

		byte[] filled = Imports.fillIn(proposal.xml(), file, posts);
		ValidationReport report = validator.validate(filled, Locale.ENGLISH);

		assertThat(report.errors()).as("%s after filling in", file).isEmpty();
		byte[] compiled = new SupervisionCompiler().compile(filled);
		assertThat(new ModelGuard(MESSAGES, BEANS::contains).refusals(compiled)).isEmpty();
	}

	@Test
	void tasksOfEveryKindBecomeUserTasksAndWhatWouldRunIsDroppedWithANote() {
		ImportProposal proposal = imports.propose(bytes("activiti"), null, DIRECTORY);

		assertThat(proposal.notes()).contains(new ImportNote(Change.TASK_BECAME_USER_TASK, "scripttask1", "计算假期天数", "scriptTask"),
				new ImportNote(Change.IMPLEMENTATION_DROPPED, "scripttask1", "计算假期天数", "script"),
				new ImportNote(Change.IMPLEMENTATION_DROPPED, "servicetask1", "同步人事系统", "activiti:class"),
				new ImportNote(Change.ASSIGNMENT_KEPT, "usertask1", "科室负责人审核", "activiti:candidateGroups"),
				new ImportNote(Change.IMPLEMENTATION_DROPPED, "usertask2", "分管领导审批", "activiti:dueDate"),
				new ImportNote(Change.NO_DIAGRAM, "leaveApproval", "干部请休假审批", null));
		assertThat(proposal.drawn()).isFalse();
		Document document = SafeXml.parse(proposal.xml());
		assertThat(XmlNodes.descendants(document.getDocumentElement(), SlNamespace.BPMN, "userTask")).hasSize(4);
		assertThat(XmlNodes.descendants(document.getDocumentElement(), SlNamespace.URI, "step")).hasSize(4);
		assertThat(proposal.xml()).contains("camunda:candidateGroups=\"section-chief\"");
	}

	@Test
	void lanesBecomePostsAndThePoolTheDepartment() {
		ImportProposal proposal = imports.propose(bytes("flowable"), "landUse", DIRECTORY);

		assertThat(proposal.notes()).contains(new ImportNote(Change.POOL_BECAME_DEPARTMENT, "Participant_1", "县自然资源局", "land-bureau"),
				new ImportNote(Change.LANE_BECAME_POST, "laneWindow", "land-acceptance-window", "land-acceptance-window"),
				new ImportNote(Change.LANE_BECAME_NEW_POST, "laneReview", "规划审查股", "post-lanereview"),
				new ImportNote(Change.PROCESS_LEFT_OUT, "Participant_2", "申请单位", null));
		assertThat(proposal.drawn()).isTrue();
		Document document = SafeXml.parse(proposal.xml());
		Element review = byId(document, "review");
		assertThat(review.getAttributeNS(SlNamespace.CAMUNDA, "candidateGroups")).isEqualTo("post-lanereview");
		Element power = XmlNodes.descendants(document.getDocumentElement(), SlNamespace.URI, "power").get(0);
		assertThat(power.getAttribute("department")).isEqualTo("land-bureau");
		// The other pool, its process and its shapes are gone; ours keeps its pool and lanes.
		assertThat(proposal.xml()).doesNotContain("applicantProcess", "Participant_2", "P2_Send")
			.contains("Participant_1_di", "laneReview_di");
	}

	@Test
	void aFileWithSeveralProcessesListsThemToChooseFrom() {
		ImportProposal proposal = imports.propose(bytes("flowable"), null, DIRECTORY);

		assertThat(proposal.xml()).isNull();
		assertThat(proposal.processes()).extracting(ImportProposal.ImportedProcess::id, ImportProposal.ImportedProcess::pool)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("landUse", "县自然资源局"),
					org.assertj.core.groups.Tuple.tuple("applicantProcess", "申请单位"));
		assertThatThrownBy(() -> imports.propose(bytes("flowable"), "nothing", DIRECTORY))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void messageFlowsAndBlackBoxPoolsAreLeftOutAndConditionsInWordsBecomeNames() {
		ImportProposal bizagi = imports.propose(bytes("bizagi"), null, DIRECTORY);
		assertThat(bizagi.notes()).extracting(ImportNote::code)
			.contains(Change.MESSAGE_FLOW_DROPPED, Change.PROCESS_LEFT_OUT, Change.VENDOR_EXTENSION_DROPPED,
					Change.POOL_UNMATCHED);
		assertThat(bizagi.xml()).doesNotContain("MessageFlow_1");

		ImportProposal signavio = imports.propose(bytes("signavio"), null, DIRECTORY);
		assertThat(signavio.notes()).contains(new ImportNote(Change.CONDITION_DROPPED, "sid-F4", "核查合格", "核查合格"));
		assertThat(byId(SafeXml.parse(signavio.xml()), "sid-F4").getAttribute("name")).isEqualTo("核查合格");
	}

	private ImportProposal propose(String file) {
		return imports.propose(bytes(file), "flowable".equals(file) ? "landUse" : null, DIRECTORY);
	}

	static byte[] bytes(String file) {
		return Imports.file(file);
	}

	private static Element byId(Document document, String id) {
		return XmlNodes.descendants(document.getDocumentElement(), SlNamespace.BPMN, "*")
			.stream()
			.filter(element -> id.equals(element.getAttribute("id")))
			.findFirst()
			.orElseThrow();
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/problems");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
