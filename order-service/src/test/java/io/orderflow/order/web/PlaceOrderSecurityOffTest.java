package io.orderflow.order.web;

import io.orderflow.order.OrderService;
import io.orderflow.order.OrderWatch;
import io.orderflow.order.PlaceOrder;
import io.orderflow.testsupport.ProblemResponse;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static io.orderflow.order.web.OrderJson.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * {@code orderflow.security.enabled=false}: no token, and the body names the customer,
 * and must. A slice: the service is a mock that records the command.
 */
@WebMvcTest(controllers = OrderController.class, properties = "orderflow.security.enabled=false")
class PlaceOrderSecurityOffTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OrderService orders;

	@MockitoBean
	OrderWatch watch;

	@MockitoBean
	OrderRateLimit rateLimit;

	@Test
	void theBodyNamesTheCustomer() throws Exception {
		given(this.orders.place(any())).willThrow(new IllegalStateException("recorded"));

		this.mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
			.content(anOrder().customerId("carol").toString()));

		ArgumentCaptor<PlaceOrder> command = ArgumentCaptor.forClass(PlaceOrder.class);
		then(this.orders).should().place(command.capture());
		assertThat(command.getValue().customerId()).isEqualTo("carol");
	}

	@Test
	void anOrderWithoutACustomerIsInvalid() throws Exception {
		ProblemResponse response = ProblemResponse.perform(this.mvc,
				post("/orders").contentType(MediaType.APPLICATION_JSON)
					.content(anOrder().withoutCustomerId().toString()));

		response.assertProblem(400, "invalid-request");
		assertThat(response.body().get("errors").toString())
			.isEqualTo("[{\"field\":\"customerId\",\"message\":\"must not be null\"}]");
	}

}
