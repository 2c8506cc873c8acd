package io.orderflow.messaging.consumer;

import io.apicurio.registry.rest.client.exception.NotFoundException;
import io.apicurio.registry.rest.client.exception.RestClientException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the Avro value of a record into its generated class, in the consumer pipeline
 * rather than in the consumer's poll: the container delivers the value's bytes as they
 * are on the topic, so that a record that fails later goes to its dead-letter topic with
 * those very bytes and headers (a dead letter re-encoded with this consumer's reader
 * schema would lose the fields a newer producer wrote), and so that the pipeline can tell
 * a registry that is down from a record that can never be read:
 * <ul>
 * <li>the registry cannot be reached or fails (any registry client error but "not
 * found"): {@link EventSchemaUnavailableException}, transient, retried until it
 * answers;</li>
 * <li>anything else (not Avro in the registry's framing, a content id the registry does
 * not know, bytes that do not match their schema): {@link NonRetryableEventException}, to
 * the dead-letter topic at once.</li>
 * </ul>
 * Schemas once resolved are kept for the life of the process (see
 * {@code AvroSerdeSettings}): a registry outage affects only a content id this process
 * has never seen.
 */
public class EventDecoder implements AutoCloseable {

	private final Deserializer<Object> deserializer;

	/**
	 * @param deserializer the registry-aware Avro deserializer, configured for the
	 * generated classes
	 */
	public EventDecoder(Deserializer<Object> deserializer) {
		this.deserializer = deserializer;
	}

	/**
	 * @param record a record as the container delivered it
	 * @return its value decoded; a value that is not bytes (a tombstone's {@code null}, a
	 * value a test built already decoded) as it is
	 * @throws EventSchemaUnavailableException when the registry must be asked and cannot
	 * answer now
	 * @throws NonRetryableEventException when the bytes can never be decoded
	 */
	public @Nullable Object decode(ConsumerRecord<?, ?> record) {
		if (!(record.value() instanceof byte[] bytes)) {
			return record.value();
		}
		try {
			return this.deserializer.deserialize(record.topic(), record.headers(), bytes);
		}
		catch (RuntimeException ex) {
			String where = record.topic() + "-" + record.partition() + "@" + record.offset();
			if (isRegistryUnavailable(ex)) {
				throw new EventSchemaUnavailableException(where, ex);
			}
			throw new NonRetryableEventException("record " + where + " cannot be decoded: " + ex, ex);
		}
	}

	@Override
	public void close() {
		this.deserializer.close();
	}

	private static boolean isRegistryUnavailable(Throwable failure) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (current instanceof RestClientException) {
				return !(current instanceof NotFoundException);
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return false;
	}

}
