package io.orderflow.payment.messaging;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.messaging.consumer.EventPipeline;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import io.orderflow.payment.PaymentServiceTest;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.StockReserved;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import static io.orderflow.payment.messaging.StockReservedBuilder.stockReserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer dies after its database transaction committed but before its offset was
 * committed: the record comes again after the restart, and changes nothing.
 */
@PaymentServiceTest
class RedeliveryAfterCrashTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SchemaRegistryProperties registry;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	MeterRegistry meters;

	@Value("${spring.kafka.consumer.group-id}")
	String groupId;

	@Test
	void recordRedeliveredAfterTheDatabaseCommitChargesNothingMore() throws Exception {
		try (PaymentDatabase database = new PaymentDatabase(this.jdbc, this.registry);
				StockReservedTopic topic = new StockReservedTopic(this.registry);
				StockReservedConsumer consumer = new StockReservedConsumer(this.listeners, this.groupId)) {
			consumer.awaitReady();
			String customer = database.openAccount("alice", 10_000, "EUR");
			StockReserved event = stockReserved().customer(customer).totaling(4_000).build();

			RecordMetadata sent = topic.send(event);
			TopicPartition partition = new TopicPartition(Topics.STOCK_RESERVED, sent.partition());
			await().atMost(TIMEOUT).until(() -> consumer.committed(partition) == sent.offset() + 1);
			assertThat(database.balance(customer)).isEqualTo(6_000);

			consumer.stop();
			consumer.rewind(partition, sent.offset()); // the offset commit "never
														// happened"
			double redeliveries = redeliveries();
			consumer.start();

			await().atMost(TIMEOUT).until(() -> redeliveries() == redeliveries + 1);
			await().atMost(TIMEOUT).until(() -> consumer.committed(partition) == sent.offset() + 1);
			assertThat(database.balance(customer)).isEqualTo(6_000);
			assertThat(database.paymentsOf(customer)).hasSize(1);
			assertThat(database.outbox(event.getOrderId())).hasSize(1);
		}
	}

	private double redeliveries() {
		return this.meters.get(EventPipeline.REDELIVERED).tag("topic", Topics.STOCK_RESERVED).counter().count();
	}

}
