package org.sunlight.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Publishing through the API as people do: the demo designer submits, the demo reviewer (a second
 * person) approves. For tests that need a version live and are not about review itself.
 */
public final class Reviews {

	private Reviews() {
	}

	/** Submits the model as {@code designer} (202, in review) and approves it; answers its version. */
	public static int publish(MockMvc mvc, String xml) throws Exception {
		String body = mvc.perform(post("/api/models").with(httpBasic("designer", "demo"))
			.contentType(MediaType.APPLICATION_XML)
			.content(xml))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("IN_REVIEW"))
			.andReturn().getResponse().getContentAsString();
		String code = com.jayway.jsonpath.JsonPath.read(body, "$.powerCode");
		int version = com.jayway.jsonpath.JsonPath.read(body, "$.version");
		approve(mvc, code, version);
		return version;
	}

	/** The demo reviewer approves the version (200: it is live). */
	public static void approve(MockMvc mvc, String code, int version) throws Exception {
		mvc.perform(post("/api/powers/" + code + "/versions/" + version + "/approve").with(httpBasic("reviewer", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.approvedBy").value("reviewer"));
	}

}
