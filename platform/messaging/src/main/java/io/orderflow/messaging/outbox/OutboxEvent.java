package io.orderflow.messaging.outbox;

import java.util.Objects;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;

/**
 * An event to append to the outbox.
 *
 * @param eventId unique id of the event (consumers deduplicate by it)
 * @param aggregateType kind of aggregate, e.g. {@code Order}
 * @param aggregateId aggregate id; becomes the Kafka record key, so one aggregate's
 * events stay in order
 * @param topic destination topic (see {@code io.orderflow.schemas.Topics})
 * @param payload the Avro message
 */
public record OutboxEvent(UUID eventId, String aggregateType, String aggregateId, String topic,
		SpecificRecord payload) {

	public OutboxEvent {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(aggregateType, "aggregateType");
		Objects.requireNonNull(aggregateId, "aggregateId");
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(payload, "payload");
	}

	/**
	 * @return the Avro record name, e.g. {@code OrderPlaced}
	 */
	public String eventType() {
		return this.payload.getSchema().getName();
	}

}
