package io.orderflow.inventory.messaging;

import io.orderflow.inventory.messaging.InventoryDatabase.StockLevel;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.OrderLine;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.schemas.avro.StockReserved;
import io.orderflow.testsupport.CrashBeforeAcknowledgment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static io.orderflow.testsupport.SagaEvents.orderPlaced;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer dies after its database transaction committed and before the offset was
 * acknowledged: the reservation is committed at that moment, the record comes again, and
 * changes nothing. A pipeline that acknowledged before its commit fails here.
 */
@InventoryIntegrationTest
@Import(CrashBeforeAcknowledgment.Install.class)
@ExtendWith(OutputCaptureExtension.class)
class RedeliveryAfterCrashTest extends SagaTestSupport {

	@Autowired
	CrashBeforeAcknowledgment crash;

	@Test
	void orderPlacedRedeliveredAfterACrashBeforeTheAcknowledgmentReservesOnce(CapturedOutput output) {
		String sku = stocked(10);
		OrderPlaced order = orderPlaced(new OrderLine(sku, 4));
		this.crash.arm(order.getEventId());

		this.scenario.send(Topics.ORDER_PLACED, order).andAwaitRedelivered().andAwaitCommitted();

		assertThat(this.crash.committedAtCrash(order.getEventId())).as("committed when the ack was due").contains(true);
		assertThat(output)
			.contains("Event " + order.getEventId() + " from " + Topics.ORDER_PLACED + " was processed before");
		assertThat(this.outbox.single(order.getOrderId(), StockReserved.class).getLines()).hasSize(1);
		assertThat(this.database.stock(sku)).isEqualTo(new StockLevel(6, 4));
		assertThat(this.database.reservationStatus(order.getOrderId())).contains("RESERVED");
	}

}
