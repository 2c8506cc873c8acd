package io.orderflow.inventory.messaging;

import java.time.Duration;
import java.util.Map;

import io.orderflow.inventory.messaging.InventoryDatabase.StockLevel;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.testsupport.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.orderflow.inventory.messaging.OrderPlacedBuilder.anOrder;
import static io.orderflow.inventory.messaging.ProductBuilder.aProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer dies after its database transaction committed but before the offset was
 * committed: the record comes again, and changes nothing.
 */
@InventoryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RedeliveryAfterCrashTest extends SagaTestSupport {

	@Value("${spring.kafka.consumer.group-id}")
	String groupId;

	@Test
	void orderPlacedRedeliveredAfterACrashBeforeTheOffsetCommitChangesNothing(CapturedOutput output) throws Exception {
		String sku = define(aProduct().available(10));
		OrderPlaced order = anOrder().line(sku, 4).build();
		RecordMetadata sent = send(Topics.ORDER_PLACED, order.getOrderId(), order);
		TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()))) {
			await().atMost(PROCESSING).until(() -> committed(admin, partition) > sent.offset());
			assertThat(this.outbox.forOrder(order.getOrderId())).hasSize(1);

			// the crash: consumers gone, the group's offset as if the ack had never been
			// committed
			this.listeners.stop();
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.untilAsserted(() -> admin
					.alterConsumerGroupOffsets(this.groupId, Map.of(partition, new OffsetAndMetadata(sent.offset())))
					.all()
					.get());
			assertThat(committed(admin, partition)).isEqualTo(sent.offset());

			this.listeners.start();
			Listeners.awaitAllPartitions(this.listeners);
			awaitProcessedUpTo(Topics.ORDER_PLACED, order.getOrderId());
		}

		assertThat(output)
			.contains("Event " + order.getEventId() + " from " + Topics.ORDER_PLACED + " was processed before");
		assertThat(this.outbox.forOrder(order.getOrderId())).hasSize(1);
		assertThat(this.database.stock(sku)).isEqualTo(new StockLevel(6, 4));
		assertThat(this.database.reservationStatus(order.getOrderId())).contains("RESERVED");
	}

	private long committed(Admin admin, TopicPartition partition) throws Exception {
		OffsetAndMetadata offset = admin.listConsumerGroupOffsets(this.groupId)
			.partitionsToOffsetAndMetadata()
			.get()
			.get(partition);
		return (offset != null) ? offset.offset() : -1;
	}

}
