package org.sunlight.modeling;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.sunlight.support.Models;

/**
 * With review switched off ({@code sunlight.review.required=false}) a submission goes live at
 * once, 201 as before review existed, approved by nobody; who may change which power still holds.
 */
@SpringBootTest(properties = "sunlight.review.required=false")
@AutoConfigureMockMvc
@DirtiesContext
class UnreviewedPublishingTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aSubmissionGoesLiveAtOnceAndSaysNobodyApprovedIt() throws Exception {
		String xml = Models.text("api/seal-engraving-permit.bpmn").replace("TEST-SEAL-001", "TEST-UNREVIEWED-001")
			.replace("seal_engraving_permit", "seal_unreviewed").replace("public-security-bureau", "land-bureau");
		mvc.perform(post("/api/models").with(httpBasic("designer", "demo")).contentType(MediaType.APPLICATION_XML).content(xml))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.processDefinitionId").exists())
			.andExpect(jsonPath("$.status").doesNotExist());
		mvc.perform(get("/api/powers/TEST-UNREVIEWED-001").with(httpBasic("handler1", "demo")))
			.andExpect(jsonPath("$.versions[0].drawnBy").value("designer"))
			.andExpect(jsonPath("$.versions[0].approvedBy").doesNotExist());
		mvc.perform(get("/api/powers/XK-LAND-001").with(httpBasic("handler1", "demo")))
			.andExpect(jsonPath("$.versions[0].approvedBy").value("system"));
	}

	@Test
	void aSystemPowerIsStillRefused() throws Exception {
		String order;
		try (InputStream in = getClass().getResourceAsStream("/org/sunlight/supervision/supervision-order.bpmn")) {
			order = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		mvc.perform(post("/api/models").with(httpBasic("designer", "demo")).contentType(MediaType.APPLICATION_XML)
			.content(order).header("Accept-Language", "en"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("SYS-SUPERVISION-ORDER is a system power")));
	}

}
