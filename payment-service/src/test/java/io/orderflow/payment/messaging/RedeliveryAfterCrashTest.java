package io.orderflow.payment.messaging;

import java.time.Duration;
import java.util.Map;

import io.orderflow.payment.PaymentServiceTest;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.PaymentCompleted;
import io.orderflow.schemas.avro.StockReserved;
import io.orderflow.testsupport.CrashBeforeAcknowledgment;
import io.orderflow.testsupport.KafkaBroker;
import io.orderflow.testsupport.Scenario;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;

import static io.orderflow.payment.messaging.StockReservedBuilder.stockReserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer dies after its database transaction committed and before the offset was
 * acknowledged: the charge is committed at that moment, the record comes again, and it
 * charges nothing more. A pipeline that acknowledged before its commit fails here (the
 * crash finds nothing committed).
 */
@PaymentServiceTest
@Import(CrashBeforeAcknowledgment.Install.class)
class RedeliveryAfterCrashTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	PaymentDatabase database;

	@Autowired
	Scenario scenario;

	@Autowired
	CrashBeforeAcknowledgment crash;

	@Value("${spring.kafka.consumer.group-id}")
	String groupId;

	@Test
	void stockReservedRedeliveredAfterACrashBeforeTheAcknowledgmentChargesOnce() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()))) {
			String customer = this.database.openAccount("alice", 10_000, "EUR");
			StockReserved event = stockReserved().customer(customer).totaling(4_000).build();
			this.crash.arm(event.getEventId());

			Scenario.Sent sent = this.scenario.send(Topics.STOCK_RESERVED, event).andAwaitRedelivered();

			assertThat(this.crash.committedAtCrash(event.getEventId())).as("committed when the ack was due")
				.contains(true);
			TopicPartition partition = new TopicPartition(Topics.STOCK_RESERVED, sent.metadata().partition());
			await().atMost(TIMEOUT).until(() -> committed(admin, partition) == sent.metadata().offset() + 1);
			assertThat(this.database.balance(customer)).isEqualTo(6_000);
			assertThat(this.database.paymentsOf(customer)).hasSize(1);
			assertThat(
					scenario.outbox().single(event.getOrderId(), PaymentCompleted.class).getAmount().getAmountMinor())
				.isEqualTo(4_000);
		}
	}

	private long committed(Admin admin, TopicPartition partition) throws Exception {
		OffsetAndMetadata offset = admin.listConsumerGroupOffsets(this.groupId)
			.partitionsToOffsetAndMetadata()
			.get()
			.get(partition);
		return (offset != null) ? offset.offset() : -1;
	}

}
