package io.orderflow.order.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.orderflow.order.Money;
import io.orderflow.order.OrderId;
import io.orderflow.order.OrderSaga;
import io.orderflow.order.SagaOutcome;
import io.orderflow.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code GET /orders/overdue}: the pending orders past their saga deadline (10 minutes
 * here), and with {@code within} those whose deadline comes within that time, oldest
 * first; terminal orders never. The deadline does not cancel anything here (it would look
 * only after an hour): orders are made old by moving their placement time back. The
 * context is closed after the class: its connections go back to the shared server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "orderflow.orders.saga-deadline=10m", "orderflow.orders.saga-deadline-check-interval=1h" })
@RealInfrastructure
@DirtiesContext
class OverdueOrdersApiTest extends OrderApiTestSupport {

	@Autowired
	OrderSaga saga;

	@Autowired
	TransactionOperations transactions;

	@Test
	void listsThePendingOrdersPastOrNearTheirDeadlineOldestFirst() {
		String confirmed = placedAgo(Duration.ofMinutes(30));
		this.transactions.executeWithoutResult(
				(status) -> this.saga.apply(new SagaOutcome.PaymentCompleted(OrderId.parse(confirmed).orElseThrow(),
						new Money(1_500, "EUR"), Instant.now())));
		String near = placedAgo(Duration.ofMinutes(9).plusSeconds(30));
		String past = placedAgo(Duration.ofMinutes(12));
		String fresh = placedAgo(Duration.ZERO);

		OrderApi.Response response = this.api.get("/orders/overdue?within=PT1M");

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("within").asString()).isEqualTo("PT1M");
		assertThat(body.get("limit").asInt()).isEqualTo(500);
		List<JsonNode> orders = body.get("orders").valueStream().toList();
		assertThat(orders).extracting((order) -> order.get("id").asString())
			.containsExactly(past, near)
			.doesNotContain(confirmed, fresh);
		JsonNode oldest = orders.get(0);
		assertThat(oldest.get("customerId").asString()).startsWith("load-");
		assertThat(oldest.get("status").asString()).isEqualTo("PENDING");
		Instant placedAt = Instant.parse(oldest.get("placedAt").asString());
		assertThat(Instant.parse(oldest.get("deadline").asString())).isEqualTo(placedAt.plus(Duration.ofMinutes(10)));
		assertThat(Duration.parse(oldest.get("age").asString()).toSeconds()).isCloseTo(12 * 60, within(30L));
		assertThat(oldest.get("pastDeadline").asBoolean()).isTrue();
		assertThat(orders.get(1).get("pastDeadline").asBoolean()).isFalse();

		assertThat(ids(this.api.get("/orders/overdue").json())).as("past the deadline only, by default")
			.contains(past)
			.doesNotContain(near, confirmed, fresh);
	}

	@Test
	void refusesAWithinThatIsNotADurationFromZeroToSevenDays() {
		for (String within : List.of("-PT1M", "soon", "P8D")) {
			OrderApi.Response response = this.api.get("/orders/overdue?within=" + within);

			assertThat(response.status()).as(response.toString()).isEqualTo(400);
			assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
			assertThat(response.json().get("type").asString())
				.isEqualTo("https://orderflow.io/problems/invalid-request");
			assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("within");
		}
	}

	/** Places an order and moves its placement back by the given time. */
	private String placedAgo(Duration age) {
		String id = this.api.post(OrderJson.anOrder()).json().get("id").asString();
		this.jdbc.sql(
				"UPDATE orders SET created_at = created_at - make_interval(secs => :seconds) WHERE id = CAST(:id AS uuid)")
			.param("seconds", age.toSeconds())
			.param("id", id)
			.update();
		return id;
	}

	private static List<String> ids(JsonNode overdue) {
		return overdue.get("orders").valueStream().map((order) -> order.get("id").asString()).toList();
	}

}
