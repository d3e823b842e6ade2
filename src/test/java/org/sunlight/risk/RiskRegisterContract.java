package org.sunlight.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.sunlight.modeling.PowerDeployment;
import org.sunlight.support.Models;

/**
 * The register end to end, on H2 ({@code RiskRegisterTests}) and on PostgreSQL
 * ({@code PostgresRiskRegisterTests}): a deployment registers its points, a new version retires
 * the point it dropped and keeps the history of the one it changed, and the filters and the XLSX
 * export select what they say. Each test has a power and a department of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class RiskRegisterContract {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected PowerDeployment deployment;

	@Autowired
	protected JdbcTemplate jdbc;

	protected String suffix;
	protected String powerCode;
	protected String department;

	@BeforeEach
	void ownPower() {
		suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		powerCode = "TEST-RISK-" + suffix;
		department = "risk-dept-" + suffix;
	}

	/** The seal power as a power of this test, changed by {@code change}; deployed as its next version. */
	protected int deploy(UnaryOperator<String> change) {
		String model = Models.text("api/seal-engraving-permit.bpmn")
			.replace("code=\"TEST-SEAL-001\"", "code=\"" + powerCode + "\"")
			.replace("department=\"public-security-bureau\"", "department=\"" + department + "\"")
			.replace("id=\"seal_engraving_permit\"", "id=\"test_risk_" + suffix + "\"")
			.replace("R-SEAL-", "R-" + suffix + "-");
		return deployment.deploy(change.apply(model).getBytes(StandardCharsets.UTF_8), "test").version();
	}

	/** Version 2: R-01 leaves the model (its step gets R-03 instead) and R-02's measure changes. */
	protected int revise() {
		return deploy(model -> model.replace("code=\"R-" + suffix + "-01\"", "code=\"R-" + suffix + "-03\"")
			.replace("对材料齐全的申请不予受理", "受理时索要好处")
			.replace("集体研究，结果公示", "集体研究，纪检列席，结果公示"));
	}

	protected ResultActions register(String user, Map<String, String> params) throws Exception {
		var request = get("/api/risks").with(httpBasic(user, "demo"));
		params.forEach(request::param);
		return mvc.perform(request);
	}

	protected String code(int n) {
		return "R-" + suffix + "-0" + n;
	}

	@Test
	void aDeploymentRegistersEveryRiskPointWithItsOwnerAndReview() throws Exception {
		deploy(UnaryOperator.identity());
		register("supervisor", Map.of("power", powerCode)).andExpect(status().isOk())
			.andExpect(jsonPath("$.view").value("UNIT"))
			.andExpect(jsonPath("$.title").value("单位廉政风险点登记表"))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.groups[0].points[0].code").value(code(1)))
			.andExpect(jsonPath("$.groups[0].points[0].powerName").value("公章刻制备案"))
			.andExpect(jsonPath("$.groups[0].points[0].stepName").value("受理"))
			.andExpect(jsonPath("$.groups[0].points[0].posts[0].id").value("seal-window"))
			.andExpect(jsonPath("$.groups[0].points[0].department").value(department))
			.andExpect(jsonPath("$.groups[0].points[0].level").value(3))
			.andExpect(jsonPath("$.groups[0].points[0].measure").value("一次性告知，受理结果系统留痕"))
			// Level 3: the department's head; level 2: the deputy in charge (the demo's head and deputy).
			.andExpect(jsonPath("$.groups[0].points[0].ownerRole").value("HEAD"))
			.andExpect(jsonPath("$.groups[0].points[0].owners[0].id").value("head"))
			.andExpect(jsonPath("$.groups[0].points[1].code").value(code(2)))
			.andExpect(jsonPath("$.groups[0].points[1].ownerRole").value("DEPUTY"))
			.andExpect(jsonPath("$.groups[0].points[1].owners[0].id").value("deputy"))
			.andExpect(jsonPath("$.groups[0].points[0].status").value("ACTIVE"))
			.andExpect(jsonPath("$.groups[0].points[0].firstVersion").value(1))
			.andExpect(jsonPath("$.groups[0].points[0].reviewedBy.id").value(PowerDeployment.SYSTEM))
			.andExpect(jsonPath("$.groups[0].points[0].history[0].change").value("ADDED"));
	}

	@Test
	void aNewVersionRetiresTheDroppedPointAndKeepsTheHistoryOfTheChangedOne() throws Exception {
		deploy(UnaryOperator.identity());
		int second = revise();
		assertThat(second).isEqualTo(2);

		// The live register: R-02 (changed) and R-03 (new); R-01 is no longer there.
		String live = register("supervisor", Map.of("power", powerCode)).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(live, "$.groups[0].points[*].code")).containsExactly(code(3), code(2));

		String all = register("supervisor", Map.of("power", powerCode, "status", "all")).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3))
			.andReturn().getResponse().getContentAsString();
		Map<String, Object> retired = point(all, code(1));
		assertThat(retired).containsEntry("status", "RETIRED").containsEntry("retiredVersion", 2)
			.containsEntry("lastVersion", 1).containsEntry("description", "对材料齐全的申请不予受理");
		assertThat(changes(retired)).containsExactly("ADDED@1", "RETIRED@2");

		Map<String, Object> changed = point(all, code(2));
		assertThat(changed).containsEntry("status", "ACTIVE").containsEntry("measure", "集体研究，纪检列席，结果公示")
			.containsEntry("firstVersion", 1).containsEntry("lastVersion", 2);
		assertThat(changes(changed)).containsExactly("ADDED@1", "CHANGED@2");
		assertThat(JsonPath.<String>read(changed, "$.history[0].measure")).isEqualTo("集体研究，结果公示");

		assertThat(changes(point(all, code(3)))).containsExactly("ADDED@2");

		register("supervisor", Map.of("power", powerCode, "status", "retired"))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.groups[0].points[0].code").value(code(1)));

		// Back in version 3: the same record, restored, its history whole.
		deploy(UnaryOperator.identity());
		String restored = register("supervisor", Map.of("power", powerCode, "status", "all"))
			.andReturn().getResponse().getContentAsString();
		assertThat(point(restored, code(1))).containsEntry("status", "ACTIVE").containsEntry("id", retired.get("id"));
		assertThat(changes(point(restored, code(1)))).containsExactly("ADDED@1", "RETIRED@2", "RESTORED@3");
		assertThat(jdbc.queryForObject("select count(*) from sl_risk_point where power_code = ?", Integer.class,
				powerCode)).isEqualTo(3);
	}

	@Test
	void filtersSelectByDepartmentLevelStatusPowerAndText() throws Exception {
		deploy(model -> model.replace("一次性告知，受理结果系统留痕", "一次性告知，100%_留痕"));
		register("supervisor", Map.of("department", department)).andExpect(jsonPath("$.total").value(2));
		register("supervisor", Map.of("department", department, "level", "2"))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.groups[0].points[0].code").value(code(2)));
		register("supervisor", Map.of("department", department, "q", "违规准予"))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.groups[0].points[0].code").value(code(2)));
		// Found in the code, case aside, and % and _ match only themselves.
		register("supervisor", Map.of("q", code(1).toLowerCase())).andExpect(jsonPath("$.total").value(1));
		register("supervisor", Map.of("department", department, "q", "100%_")).andExpect(jsonPath("$.total").value(1));
		register("supervisor", Map.of("department", department, "q", "1%0")).andExpect(jsonPath("$.total").value(0));
		register("supervisor", Map.of("power", "NO-SUCH-POWER")).andExpect(jsonPath("$.total").value(0));

		register("supervisor", Map.of("power", powerCode, "view", "department"))
			.andExpect(jsonPath("$.groups.length()").value(1))
			.andExpect(jsonPath("$.groups[0].id").value(department));
		register("supervisor", Map.of("power", powerCode, "view", "post"))
			.andExpect(jsonPath("$.title").value("岗位廉政风险点登记表"))
			.andExpect(jsonPath("$.groups.length()").value(2))
			.andExpect(jsonPath("$.groups[0].id").value("seal-window"))
			.andExpect(jsonPath("$.groups[1].id").value("seal-leader"));
	}

	@Test
	void wrongFiltersAreRefusedByName() throws Exception {
		register("supervisor", Map.of("level", "7")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("1、2 或 3")));
		register("supervisor", Map.of("level", "二")).andExpect(status().isBadRequest());
		register("supervisor", Map.of("status", "gone")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("ACTIVE、RETIRED 或 ALL")));
		register("supervisor", Map.of("view", "county")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("POST、DEPARTMENT 或 UNIT")));
		register("supervisor", Map.of("q", "长".repeat(256))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("q")));
		register("handler1", Map.of()).andExpect(status().isForbidden());
	}

	@Test
	void theXlsxExportReadsBackWithTheRegistersRows() throws Exception {
		deploy(UnaryOperator.identity());
		byte[] unit = export("xlsx", Map.of("power", powerCode));
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(unit))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows.get(0).getCellText(0)).isEqualTo("单位廉政风险点登记表");
			assertThat(rows.get(1).getCellText(1)).isEqualTo("编号");
			assertThat(rows.get(2).getCellText(1)).isEqualTo(code(1));
			assertThat(rows.get(2).getCellText(2)).isEqualTo("公章刻制备案");
			assertThat(rows.get(2).getCellText(6)).isEqualTo("对材料齐全的申请不予受理");
			assertThat(rows.get(2).getCellText(7)).isEqualTo("低");
			assertThat(rows.get(3).getCellText(7)).isEqualTo("中");
			assertThat(rows.get(3).getCellText(10)).isEqualTo("在用");
			assertThat(rows).hasSize(4);
		}
		byte[] byPost = export("xlsx", Map.of("power", powerCode, "view", "post"));
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(byPost))) {
			List<Sheet> sheets = workbook.getSheets().toList();
			assertThat(sheets).hasSize(2);
			List<Row> rows = sheets.get(1).read();
			assertThat(rows.get(0).getCellText(0)).startsWith("岗位廉政风险点登记表：");
			assertThat(rows.get(2).getCellText(1)).isEqualTo(code(2));
		}
	}

	protected byte[] export(String extension, Map<String, String> params) throws Exception {
		var request = get("/api/risks/register." + extension).with(httpBasic("supervisor", "demo"));
		params.forEach(request::param);
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
	}

	protected static Map<String, Object> point(String register, String code) {
		List<Map<String, Object>> found = JsonPath.read(register, "$.groups[*].points[?(@.code == '" + code + "')]");
		assertThat(found).as(code).isNotEmpty();
		return found.get(0);
	}

	protected static List<String> changes(Map<String, Object> point) {
		List<Map<String, Object>> history = JsonPath.read(point, "$.history");
		return history.stream().map(h -> h.get("change") + "@" + h.get("version")).toList();
	}

}
