package io.orderflow.order.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.orderflow.messaging.deadletter.DeadLetters;
import io.orderflow.messaging.serde.AvroSerdeSettings;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import io.orderflow.order.OrderId;
import io.orderflow.order.OrderLine;
import io.orderflow.order.OrderService;
import io.orderflow.order.OrderStatus;
import io.orderflow.order.OrderView;
import io.orderflow.order.PlaceOrder;
import io.orderflow.order.SagaStep;
import io.orderflow.order.TimelineEntry;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.Money;
import io.orderflow.schemas.avro.PaymentCompleted;
import io.orderflow.schemas.avro.PaymentFailed;
import io.orderflow.schemas.avro.PaymentFailureReason;
import io.orderflow.schemas.avro.RejectedLine;
import io.orderflow.schemas.avro.StockRejected;
import io.orderflow.schemas.avro.StockRejectionReason;
import io.orderflow.schemas.avro.StockReserved;
import io.orderflow.testsupport.KafkaBroker;
import io.orderflow.testsupport.ListenerAssignments;
import io.orderflow.testsupport.RealInfrastructure;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * order-service consumes the saga outcomes from the real broker: each order reaches its
 * terminal state once, with the confirming or cancelling event in the outbox exactly once
 * even when an outcome is delivered twice; an outcome for an unknown order is
 * dead-lettered.
 */
@SpringBootTest(properties = { "orderflow.consumer.initial-interval=50ms", "orderflow.consumer.max-retries=2" })
@RealInfrastructure
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SagaOutcomesTest {

	@Autowired
	OrderService orders;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SchemaRegistryProperties registry;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	DeadLetters deadLetters;

	private KafkaProducer<String, SpecificRecord> producer;

	@BeforeAll
	void producer() {
		AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
		serializer.configure(AvroSerdeSettings.serializer(this.registry), false);
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()), new StringSerializer(),
				serializer);
	}

	@AfterAll
	void closeProducer() {
		this.producer.close();
	}

	@BeforeEach
	void listenersAssigned() {
		ListenerAssignments.await(this.listeners);
	}

	@Test
	void stockReservedThenPaymentCompletedConfirmsTheOrderOnceEvenWhenDeliveredTwice() throws Exception {
		OrderId id = place();
		StockReserved reserved = StockReserved.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(id.value())
			.setOccurredAt(now())
			.setCustomerId("alice")
			.setLines(List.of())
			.setTotal(new Money(1500L, "EUR"))
			.build();
		PaymentCompleted paid = PaymentCompleted.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(id.value())
			.setOccurredAt(now())
			.setCustomerId("alice")
			.setPaymentId(UUID.randomUUID())
			.setAmount(new Money(1500L, "EUR"))
			.build();

		send(Topics.STOCK_RESERVED, id, reserved);
		send(Topics.PAYMENT_COMPLETED, id, paid);
		send(Topics.PAYMENT_COMPLETED, id, paid);

		OrderView order = awaitStatus(id, OrderStatus.CONFIRMED);
		assertThat(order.total()).isEqualTo(new io.orderflow.order.Money(1500, "EUR"));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(this.orders.find(id).orElseThrow().timeline()).extracting(TimelineEntry::step)
						.containsExactlyInAnyOrder(SagaStep.ORDER_PLACED, SagaStep.STOCK_RESERVED,
								SagaStep.PAYMENT_COMPLETED, SagaStep.ORDER_CONFIRMED));
		assertThat(outboxTypes(id)).containsExactly("OrderPlaced", "OrderConfirmed");
	}

	@Test
	void stockRejectedRejectsTheOrderWithTheReasonOnTheTimeline() throws Exception {
		OrderId id = place();
		send(Topics.STOCK_REJECTED, id,
				StockRejected.newBuilder()
					.setEventId(UUID.randomUUID())
					.setOrderId(id.value())
					.setOccurredAt(now())
					.setCustomerId("alice")
					.setRejectedLines(List.of(new RejectedLine("SKU-1", 2, 0, StockRejectionReason.INSUFFICIENT_STOCK)))
					.build());

		OrderView order = awaitStatus(id, OrderStatus.REJECTED);
		assertThat(order.timeline()).last()
			.satisfies((entry) -> assertThat(entry.detail()).contains("SKU-1", "INSUFFICIENT_STOCK"));
		assertThat(outboxTypes(id)).containsExactly("OrderPlaced");
	}

	@Test
	void paymentFailedCancelsTheOrderAndPublishesOrderCancelled() throws Exception {
		OrderId id = place();
		send(Topics.PAYMENT_FAILED, id,
				PaymentFailed.newBuilder()
					.setEventId(UUID.randomUUID())
					.setOrderId(id.value())
					.setOccurredAt(now())
					.setCustomerId("alice")
					.setAmount(new Money(1500L, "EUR"))
					.setReason(PaymentFailureReason.INSUFFICIENT_FUNDS)
					.setDetail("balance too low")
					.build());

		awaitStatus(id, OrderStatus.CANCELLED);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(outboxTypes(id)).containsExactly("OrderPlaced", "OrderCancelled"));
	}

	@Test
	void anOutcomeForAnUnknownOrderIsDeadLettered() throws Exception {
		OrderId unknown = new OrderId(UUID.randomUUID());
		send(Topics.PAYMENT_FAILED, unknown,
				PaymentFailed.newBuilder()
					.setEventId(UUID.randomUUID())
					.setOrderId(unknown.value())
					.setOccurredAt(now())
					.setCustomerId("nobody")
					.setAmount(new Money(1L, "EUR"))
					.setReason(PaymentFailureReason.UNKNOWN_ACCOUNT)
					.build());

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.deadLetters.list(Topics.PAYMENT_FAILED))
				.anySatisfy((letter) -> assertThat(letter.key()).isEqualTo(unknown.toString())));
	}

	private OrderId place() {
		return this.orders.place(new PlaceOrder("alice", List.of(new OrderLine("SKU-1", 2)), null)).order().id();
	}

	private void send(String topic, OrderId id, SpecificRecord event) throws Exception {
		this.producer.send(new ProducerRecord<>(topic, id.toString(), event)).get();
	}

	private OrderView awaitStatus(OrderId id, OrderStatus status) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> this.orders.find(id).orElseThrow(), (order) -> order.status() == status);
	}

	private List<String> outboxTypes(OrderId id) {
		return this.jdbc.sql("SELECT event_type FROM outbox WHERE aggregate_id = :id ORDER BY id")
			.param("id", id.toString())
			.query(String.class)
			.list();
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
