package io.orderflow.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * {@code orderflow.security.enabled=false}: no token needed, and the handler's caller
 * holds every scope but names no one.
 */
@WebMvcTest(properties = "orderflow.security.enabled=false")
class UnsecuredModeTest {

	@Autowired
	WebApplicationContext context;

	@Test
	void everyRequestIsLetThroughAsTheUnsecuredCaller() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();

		MockHttpServletResponse admin = mvc.perform(get("/admin/things")).andReturn().getResponse();
		MockHttpServletResponse whoami = mvc.perform(get("/whoami")).andReturn().getResponse();

		assertThat(admin.getStatus()).isEqualTo(200);
		assertThat(whoami.getContentAsString()).isEqualTo("{\"scopes\":[],\"secured\":false,\"subject\":\"\"}");
	}

}
