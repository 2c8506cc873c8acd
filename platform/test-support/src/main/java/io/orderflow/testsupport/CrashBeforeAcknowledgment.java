package io.orderflow.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.messaging.consumer.EventDecoder;
import io.orderflow.messaging.consumer.EventPipeline;
import io.orderflow.messaging.consumer.Inbound;
import io.orderflow.messaging.consumer.ProcessedEvents;
import io.orderflow.messaging.consumer.RecordBoundary;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The service's {@link EventPipeline}, except that for an armed event the process "dies"
 * at the moment the offset would be acknowledged: first it looks, on a connection of its
 * own, whether the event's transaction is committed (a pipeline that acknowledged before
 * its commit is caught here), then it never acknowledges; the record is delivered again
 * from the last committed offset, as a restarted consumer would read it
 * ({@link Acknowledgment#nack(int, Duration)}), with the rest of its batch. Install it
 * with {@code @Import(CrashBeforeAcknowledgment.Install.class)}.
 */
public class CrashBeforeAcknowledgment extends EventPipeline {

	private final DataSource dataSource;

	private final Set<UUID> armed = ConcurrentHashMap.newKeySet();

	private final Map<UUID, Boolean> committedAtCrash = new ConcurrentHashMap<>();

	CrashBeforeAcknowledgment(ProcessedEvents processedEvents, PlatformTransactionManager transactionManager,
			MeterRegistry meters, RecordBoundary recordBoundary, EventDecoder decoder, DataSource dataSource) {
		super(processedEvents, transactionManager, meters, recordBoundary, decoder);
		this.dataSource = dataSource;
	}

	/**
	 * The next delivery of this event crashes before its acknowledgment.
	 * @param eventId the event id
	 */
	public void arm(UUID eventId) {
		this.armed.add(eventId);
	}

	/**
	 * @param eventId an armed event
	 * @return whether its effect was committed (seen from another connection) when its
	 * acknowledgment was due; empty while it has not crashed yet
	 */
	public Optional<Boolean> committedAtCrash(UUID eventId) {
		return Optional.ofNullable(this.committedAtCrash.get(eventId));
	}

	@Override
	protected void acknowledge(List<? extends ConsumerRecord<?, ?>> records, List<? extends Inbound<?>> inbound,
			Acknowledgment ack) {
		List<UUID> crashing = inbound.stream().map(Inbound::eventId).filter(this.armed::remove).toList();
		if (crashing.isEmpty()) {
			super.acknowledge(records, inbound, ack);
			return;
		}
		crashing.forEach((eventId) -> this.committedAtCrash.put(eventId, committed(eventId)));
		// the process is gone: no acknowledgment; the batch comes again from the
		// committed offsets
		ack.nack(0, Duration.ZERO);
	}

	/** On a connection of its own, outside any transaction of the pipeline. */
	private boolean committed(UUID eventId) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement query = connection
					.prepareStatement("SELECT count(*) FROM processed_events WHERE event_id = ?")) {
			query.setObject(1, eventId);
			try (ResultSet result = query.executeQuery()) {
				return result.next() && result.getLong(1) == 1;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read processed_events", ex);
		}
	}

	/** Replaces the service's pipeline with the crashing one. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Install {

		@Bean
		CrashBeforeAcknowledgment crashBeforeAcknowledgment(ProcessedEvents processedEvents,
				PlatformTransactionManager transactionManager, MeterRegistry meters,
				ObjectProvider<RecordBoundary> recordBoundary, EventDecoder decoder, DataSource dataSource) {
			return new CrashBeforeAcknowledgment(processedEvents, transactionManager, meters,
					recordBoundary.getIfAvailable(() -> RecordBoundary.NONE), decoder, dataSource);
		}

	}

}
