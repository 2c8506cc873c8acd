package io.orderflow.payment.messaging;

import io.orderflow.payment.PaymentServiceTest;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.PaymentCompleted;
import io.orderflow.schemas.avro.StockReserved;
import io.orderflow.testsupport.CrashBeforeAcknowledgment;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static io.orderflow.payment.messaging.StockReservedBuilder.stockReserved;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer dies after its database transaction committed and before the offset was
 * acknowledged: the charge is committed at that moment, the record comes again, and it
 * charges nothing more. A pipeline that acknowledged before its commit fails here (the
 * crash finds nothing committed).
 */
@PaymentServiceTest
@Import(CrashBeforeAcknowledgment.Install.class)
class RedeliveryAfterCrashTest extends SagaTestSupport {

	@Autowired
	CrashBeforeAcknowledgment crash;

	@Test
	void stockReservedRedeliveredAfterACrashBeforeTheAcknowledgmentChargesOnce() {
		String customer = this.database.openAccount("alice", 10_000, "EUR");
		StockReserved event = stockReserved(customer).totaling(4_000).build();
		this.crash.arm(event.getEventId());

		this.scenario.send(Topics.STOCK_RESERVED, event).andAwaitRedelivered().andAwaitCommitted();

		assertThat(this.crash.committedAtCrash(event.getEventId())).as("committed when the ack was due").contains(true);
		assertThat(this.database.balance(customer)).isEqualTo(6_000);
		assertThat(this.database.paymentsOf(customer)).hasSize(1);
		assertThat(
				this.scenario.outbox().single(event.getOrderId(), PaymentCompleted.class).getAmount().getAmountMinor())
			.isEqualTo(4_000);
	}

}
