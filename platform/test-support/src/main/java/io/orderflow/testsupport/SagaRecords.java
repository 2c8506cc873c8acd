package io.orderflow.testsupport;

import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The fields every saga event has ({@code eventId}, {@code orderId}), read from any
 * generated Avro class.
 */
public final class SagaRecords {

	private SagaRecords() {
	}

	/**
	 * @param event a saga event
	 * @return its event id
	 */
	public static UUID eventId(SpecificRecord event) {
		return uuid(event, "eventId");
	}

	/**
	 * @param event a saga event
	 * @return its order id (the record key)
	 */
	public static UUID orderId(SpecificRecord event) {
		return uuid(event, "orderId");
	}

	private static UUID uuid(SpecificRecord event, String name) {
		Schema.Field field = event.getSchema().getField(name);
		if (field == null) {
			throw new IllegalArgumentException(event.getSchema().getName() + " has no " + name);
		}
		return (UUID) event.get(field.pos());
	}

}
