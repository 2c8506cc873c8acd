package io.orderflow.order.web;

import io.orderflow.order.OrderService;
import io.orderflow.order.OrderWatch;
import io.orderflow.order.PlaceOrder;
import io.orderflow.testsupport.Callers;
import io.orderflow.testsupport.ProblemResponse;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static io.orderflow.order.web.OrderJson.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An order is the caller's: the customer is the token's subject, never a body field
 * another caller can set. While security is off, the body names the customer. A slice:
 * the service is a mock that records the command.
 */
@WebMvcTest(OrderController.class)
@Import({ Callers.Alice.class, OrderAuthorization.class })
class PlaceOrderAsCallerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OrderService orders;

	@MockitoBean
	OrderWatch watch;

	@MockitoBean
	OrderRateLimit rateLimit;

	@Test
	void anOrderWithoutACustomerIsTheCallers() throws Exception {
		given(this.orders.place(any())).willThrow(new IllegalStateException("recorded"));

		this.mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
			.content(anOrder().withoutCustomerId().toString())
			.with(Callers.customer("bob")));

		ArgumentCaptor<PlaceOrder> command = ArgumentCaptor.forClass(PlaceOrder.class);
		then(this.orders).should().place(command.capture());
		assertThat(command.getValue().customerId()).isEqualTo("bob");
		then(this.rateLimit).should().acquire("bob");
	}

	@Test
	void anOrderNamingTheCallerIsTheCallers() throws Exception {
		given(this.orders.place(any())).willThrow(new IllegalStateException("recorded"));

		this.mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
			.content(anOrder().customerId("alice").toString()));

		ArgumentCaptor<PlaceOrder> command = ArgumentCaptor.forClass(PlaceOrder.class);
		then(this.orders).should().place(command.capture());
		assertThat(command.getValue().customerId()).isEqualTo("alice");
	}

	@Test
	void anOrderForSomeoneElseIsForbiddenAndPlacesNothing() throws Exception {
		ProblemResponse response = ProblemResponse.perform(this.mvc,
				post("/orders").contentType(MediaType.APPLICATION_JSON)
					.content(anOrder().customerId("bob").toString()));

		response.assertProblem(403, "forbidden");
		assertThat(response.raw()).doesNotContain("bob");
		verifyNoInteractions(this.orders, this.rateLimit);
	}

	@Test
	void aTokenWithoutTheOrdersScopeMayNotPlaceOrders() throws Exception {
		ProblemResponse response = ProblemResponse
			.perform(this.mvc, post("/orders").contentType(MediaType.APPLICATION_JSON)
				.content(anOrder().withoutCustomerId().toString())
				.with(Callers.withScopes("orderflow-ops", "orders:admin", "catalog:admin", "accounts:admin", "ops")));

		response.assertProblem(403, "forbidden");
		verifyNoInteractions(this.orders);
	}

}
