package io.orderflow.order.messaging;

import java.util.List;

import io.orderflow.order.OrderId;
import io.orderflow.order.OrderLine;
import io.orderflow.order.OrderService;
import io.orderflow.order.OrderStatus;
import io.orderflow.order.PlaceOrder;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.PaymentCompleted;
import io.orderflow.testsupport.CrashBeforeAcknowledgment;
import io.orderflow.testsupport.OutboxRows;
import io.orderflow.testsupport.RealInfrastructure;
import io.orderflow.testsupport.SagaEvents;
import io.orderflow.testsupport.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * order-service dies after the transaction that confirmed an order committed and before
 * the offset was acknowledged: the confirmation is committed at that moment, the
 * {@code PaymentCompleted} comes again, and it confirms nothing twice (one
 * {@code OrderConfirmed} in the outbox).
 */
@SpringBootTest
@RealInfrastructure
@DirtiesContext
@Import(CrashBeforeAcknowledgment.Install.class)
class RedeliveryAfterCrashTest {

	@Autowired
	OrderService orders;

	@Autowired
	Scenario scenario;

	@Autowired
	CrashBeforeAcknowledgment crash;

	@Test
	void paymentCompletedRedeliveredAfterACrashBeforeTheAcknowledgmentConfirmsOnce() {
		OrderId id = this.orders.place(new PlaceOrder("alice", List.of(new OrderLine("SKU-1", 1)), null)).order().id();
		PaymentCompleted paid = SagaEvents.paymentCompleted(id.value(), 500);
		this.crash.arm(paid.getEventId());

		this.scenario.send(Topics.PAYMENT_COMPLETED, paid).andAwaitRedelivered().andAwaitCommitted();

		assertThat(this.crash.committedAtCrash(paid.getEventId())).as("committed when the ack was due").contains(true);
		assertThat(this.orders.find(id).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(this.scenario.outbox().forAggregate(id)).extracting(OutboxRows.Row::eventType)
			.containsExactly("OrderPlaced", "OrderConfirmed");
	}

}
