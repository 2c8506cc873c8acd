package io.orderflow.web;

import io.orderflow.testsupport.ChunkedRequestBuilder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code orderflow.web.max-body-size} is the limit, both ways a body can arrive.
 */
@WebMvcTest(properties = "orderflow.web.max-body-size=1KB")
class ConfiguredBodyLimitTest {

	private static final String BODY = "{\"name\":\"" + "x".repeat(1024) + "\",\"quantity\":1}";

	@Autowired
	MockMvc mvc;

	@Test
	void bodyOverTheConfiguredLimitIsPayloadTooLarge() throws Exception {
		this.mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content(BODY))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.type").value("https://orderflow.io/problems/payload-too-large"))
			.andExpect(jsonPath("$.detail").value("The request body exceeds 1024 bytes"));
		this.mvc.perform(ChunkedRequestBuilder.post("/things").contentType(MediaType.APPLICATION_JSON).content(BODY))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.detail").value("The request body exceeds 1024 bytes"));
	}

	@Test
	void bodyUnderTheConfiguredLimitIsRead() throws Exception {
		this.mvc
			.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"a\",\"quantity\":1}"))
			.andExpect(status().isCreated());
	}

}
