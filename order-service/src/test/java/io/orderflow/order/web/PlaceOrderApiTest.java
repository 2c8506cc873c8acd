package io.orderflow.order.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.orderflow.messaging.serde.AvroSerdeSettings;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import io.orderflow.order.OrderService;
import io.orderflow.order.PlaceOrder;
import io.orderflow.order.PlaceOrders;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.OrderLine;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /orders} against real PostgreSQL and registry: the order and its
 * {@code OrderPlaced} outbox row commit together, or neither does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class PlaceOrderApiTest extends OrderApiTestSupport {

	@Autowired
	SchemaRegistryProperties registry;

	@Autowired
	OrderService orderService;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void placedOrderIsCreatedPendingAtItsLocation() {
		OrderJson request = OrderJson.anOrder().line("SKU-1", 2).line("sku.2_b-C", 1000);

		OrderApi.Response response = this.api.post(request);

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		JsonNode order = response.json();
		String id = order.get("id").asString();
		assertThat(UUID.fromString(id)).isNotNull();
		assertThat(response.header("Location")).isEqualTo("/orders/" + id);
		assertThat(response.header("Idempotent-Replayed")).isNull();
		assertThat(order.get("customerId").asString()).isEqualTo(request.customerId());
		assertThat(order.get("status").asString()).isEqualTo("PENDING");
		assertThat(order.get("total").isNull()).isTrue();
		assertThat(order.get("lines").toString())
			.isEqualTo("[{\"sku\":\"SKU-1\",\"quantity\":2},{\"sku\":\"sku.2_b-C\",\"quantity\":1000}]");
		assertThat(order.get("timeline")).singleElement().satisfies((step) -> {
			assertThat(step.get("step").asString()).isEqualTo("ORDER_PLACED");
			assertThat(step.get("at").asString()).isEqualTo(order.get("createdAt").asString());
			assertThat(step.get("detail").asString()).isEqualTo("2 lines, 1002 units");
		});
		assertThat(this.api.get("/orders/" + id).json()).as("same representation as GET").isEqualTo(order);
	}

	@Test
	void acceptsFiftyLinesOfAThousandUnits() {
		OrderJson request = OrderJson.anOrder();
		IntStream.rangeClosed(1, 50).forEach((i) -> request.line("SKU-" + i, 1000));

		OrderApi.Response response = this.api.post(request);

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.json().get("lines")).hasSize(50);
	}

	@Test
	void committedOrderHasExactlyOneOrderPlacedInTheOutboxReadableThroughTheRegistry() {
		OrderJson request = OrderJson.anOrder().line("SKU-1", 2).line("SKU-2", 1);

		JsonNode order = this.api.post(request).json();

		String id = order.get("id").asString();
		List<StoredRows.OutboxRow> rows = this.stored.outboxOf(id);
		assertThat(rows).singleElement().satisfies((row) -> {
			assertThat(row.aggregateType()).isEqualTo("Order");
			assertThat(row.aggregateId()).isEqualTo(id);
			assertThat(row.topic()).isEqualTo(Topics.ORDER_PLACED);
			assertThat(row.eventType()).isEqualTo("OrderPlaced");
			assertThat(row.payload()[0]).as("Confluent magic byte").isZero();
			assertThat(decode(row.payload())).isEqualTo(OrderPlaced.newBuilder()
				.setEventId(row.eventId())
				.setOrderId(UUID.fromString(id))
				.setOccurredAt(Instant.parse(order.get("createdAt").asString()))
				.setCustomerId(request.customerId())
				.setLines(List.of(new OrderLine("SKU-1", 2), new OrderLine("SKU-2", 1)))
				.build());
		});
	}

	@Test
	void orderAndEventRollBackTogether() {
		PlaceOrder command = PlaceOrders.anOrder().build();
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);

		String id = transaction.execute((status) -> {
			String placed = this.orderService.place(command).order().id().toString();
			status.setRollbackOnly();
			return placed;
		});

		assertThat(this.stored.ordersOf(command.customerId())).isZero();
		assertThat(this.stored.outboxOf(id)).isEmpty();
		assertThat(this.api.get("/orders/" + id).status()).isEqualTo(404);
	}

	@Test
	void failedOutboxAppendLeavesNoOrderAndAnswersWithAProblemWithoutDetails() {
		OrderJson request = OrderJson.anOrder();
		// the order row is already written when the outbox insert fails
		this.jdbc.sql("""
				CREATE FUNCTION reject_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN RAISE EXCEPTION 'outbox unavailable'; END $$
				""").update();
		this.jdbc
			.sql("CREATE TRIGGER reject_outbox BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION reject_outbox()")
			.update();
		OrderApi.Response response;
		try {
			response = this.api.post(request);
		}
		finally {
			this.jdbc.sql("DROP TRIGGER reject_outbox ON outbox").update();
			this.jdbc.sql("DROP FUNCTION reject_outbox()").update();
		}

		assertThat(response.status()).as(response.toString()).isEqualTo(500);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("https://orderflow.io/problems/internal-error");
		assertThat(response.body()).doesNotContain("outbox", "Exception", "at io.");
		assertThat(this.stored.ordersOf(request.customerId())).isZero();
	}

	@Test
	void countsCommittedOrdersOnly() {
		double before = ordersPlacedMetric();
		this.api.post(OrderJson.anOrder());
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.orderService.place(PlaceOrders.anOrder().build());
			status.setRollbackOnly();
		});

		assertThat(ordersPlacedMetric()).isEqualTo(before + 1);
	}

	private double ordersPlacedMetric() {
		String metrics = new OrderApi(this.managementPort).get("/actuator/prometheus").body();
		Matcher matcher = Pattern.compile("(?m)^orderflow_orders_placed_total\\{[^}]*} (\\S+)$").matcher(metrics);
		assertThat(matcher.find()).as("orderflow_orders_placed_total exported").isTrue();
		return Double.parseDouble(matcher.group(1));
	}

	private OrderPlaced decode(byte[] payload) {
		try (AvroKafkaDeserializer<OrderPlaced> deserializer = new AvroKafkaDeserializer<>()) {
			deserializer.configure(AvroSerdeSettings.deserializer(this.registry), false);
			return deserializer.deserialize(Topics.ORDER_PLACED, payload);
		}
	}

}
