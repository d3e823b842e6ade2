package org.sunlight.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The register on H2, with its printable PDF (Chinese read back from the file). */
class RiskRegisterTests extends RiskRegisterContract {

	@Test
	void thePdfCarriesTheChineseOfTheRegister() throws Exception {
		deploy(UnaryOperator.identity());
		byte[] pdf = export("pdf", Map.of("power", powerCode, "view", "post"));
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			// One page per post.
			assertThat(document.getNumberOfPages()).isEqualTo(2);
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("岗位廉政风险点登记表", "公章刻制备案", "对材料齐全的申请不予受理", "一次性告知", "风险等级", code(1));
		}
		mvc.perform(get("/api/risks/register.pdf").param("power", powerCode).with(httpBasic("supervisor", "demo")))
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")));
	}

	@Test
	void anExportOutsideTheCallersDepartmentsIsRefused() throws Exception {
		mvc.perform(get("/api/risks/register.xlsx").param("department", "someone-elses")
			.with(httpBasic("supervisor", "demo"))).andExpect(status().isOk());
		// The demo designer draws the demo departments and those of powers deployed since; not this one.
		mvc.perform(get("/api/risks/register.pdf").param("department", "never-deployed-" + suffix)
			.with(httpBasic("designer", "demo"))).andExpect(status().isForbidden());
	}

}
