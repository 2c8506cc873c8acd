package io.orderflow.schemas;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.orderflow.schemas.avro.OrderLine;
import io.orderflow.schemas.avro.OrderPlaced;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The generated classes round-trip through Avro binary with their logical types intact.
 */
class GeneratedEventsTest {

	@Test
	void orderPlacedRoundTripsThroughAvroBinary() throws Exception {
		OrderPlaced placed = OrderPlaced.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(UUID.randomUUID())
			.setOccurredAt(Instant.parse("2026-11-22T10:15:30.123Z"))
			.setCustomerId("c-1")
			.setLines(List.of(new OrderLine("SKU-1", 2)))
			.build();

		OrderPlaced decoded = OrderPlaced.fromByteBuffer(placed.toByteBuffer());

		assertThat(decoded).isEqualTo(placed);
		assertThat(decoded.getOccurredAt()).isEqualTo(Instant.parse("2026-11-22T10:15:30.123Z"));
	}

	@Test
	void topicNamesAreVersionedAndUnique() {
		assertThat(Topics.ALL).doesNotHaveDuplicates().allMatch((topic) -> topic.matches("[a-z]+\\.[a-z-]+\\.v\\d+"));
		assertThat(Topics.deadLetter(Topics.ORDER_PLACED)).isEqualTo("orders.order-placed.v1.dlt");
	}

	@Test
	void everySagaTopicNamesTheSchemaOfItsEvent() {
		// the topic's event type is the schema's name: orders.order-placed.v1 carries
		// OrderPlaced
		assertThat(Topics.ALL).allSatisfy((topic) -> assertThat(Topics.valueSchema(topic).getName().toLowerCase())
			.isEqualTo(topic.substring(topic.indexOf('.') + 1, topic.lastIndexOf('.')).replace("-", "")));
		assertThat(Topics.valueSchema(Topics.ORDER_PLACED)).isEqualTo(OrderPlaced.getClassSchema());
		assertThatIllegalArgumentException().isThrownBy(() -> Topics.valueSchema("orders.order-placed.v1.dlt"))
			.withMessageContaining("Not a saga topic");
	}

}
