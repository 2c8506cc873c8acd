package io.orderflow.relay.outbox;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import com.zaxxer.hikari.HikariDataSource;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.orderflow.messaging.outbox.OutboxEvent;
import io.orderflow.messaging.outbox.OutboxSchemas;
import io.orderflow.messaging.outbox.OutboxWriter;
import io.orderflow.messaging.outbox.TraceHeaders;
import io.orderflow.messaging.serde.AvroSerdeSettings;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import io.orderflow.relay.config.RelayProperties;
import org.apache.avro.specific.SpecificRecord;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The writing side of a service database, as the services have it: the outbox table
 * created by the messaging module's Flyway migrations, rows appended by
 * {@link OutboxWriter} in transactions, payloads serialized through the real registry.
 * Also answers the tests' questions about the table.
 */
final class OutboxDatabase implements AutoCloseable {

	private final RelayProperties.Source source;

	private final HikariDataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AvroKafkaSerializer<SpecificRecord> serializer;

	private final OutboxWriter writer;

	private final TestTraceHeaders traceHeaders = new TestTraceHeaders();

	private OutboxDatabase(String url, String username, String password, String registryUrl) {
		this.source = new RelayProperties.Source("test", url, username, password);
		this.dataSource = new HikariDataSource();
		this.dataSource.setPoolName("test-service-db");
		this.dataSource.setJdbcUrl(url);
		this.dataSource.setUsername(username);
		this.dataSource.setPassword(password);
		this.dataSource.setMaximumPoolSize(8);
		Flyway.configure().dataSource(this.dataSource).locations("classpath:db/messaging").load().migrate();
		this.jdbc = JdbcClient.create(this.dataSource);
		// a service's aggregate table: a transaction appending for an aggregate locks
		// its row first, which makes id order commit order per aggregate
		this.jdbc.sql("CREATE TABLE IF NOT EXISTS test_aggregate (id TEXT PRIMARY KEY, version INT NOT NULL)").update();
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		this.serializer = new AvroKafkaSerializer<>();
		this.serializer.configure(
				AvroSerdeSettings.serializer(new SchemaRegistryProperties(URI.create(registryUrl), true)), false);
		// the relay's tests write OrderPlaced to topics of their own, which no service
		// declares:
		// their schemas are resolved on first use
		OutboxSchemas anyTopic = new OutboxSchemas(this.serializer, List.of()) {
			@Override
			public void checkWritable(String topic) {
			}
		};
		this.writer = new OutboxWriter(this.jdbc, this.serializer, this.traceHeaders, anyTopic);
	}

	/**
	 * @param environment a test context with {@code @RealInfrastructure} properties
	 * @return the test class's database, migrated
	 */
	static OutboxDatabase of(Environment environment) {
		return new OutboxDatabase(environment.getRequiredProperty("spring.datasource.url"),
				environment.getRequiredProperty("spring.datasource.username"),
				environment.getProperty("spring.datasource.password", ""),
				environment.getRequiredProperty("orderflow.schema-registry.url"));
	}

	/**
	 * @return the relay's source {@code test}: this database
	 */
	RelayProperties.Source source() {
		return this.source;
	}

	JdbcClient jdbc() {
		return this.jdbc;
	}

	/**
	 * Appends events in one committed transaction.
	 * @param events the events
	 */
	void append(List<OutboxEvent> events) {
		this.transactions.executeWithoutResult((status) -> events.forEach(this.writer::append));
	}

	/**
	 * Appends an event in a transaction that ends once {@code beforeCommit} returns: it
	 * commits unless that marks it rollback-only.
	 * @param event the event
	 * @param beforeCommit runs after the append, inside the transaction
	 */
	void appendInTransaction(OutboxEvent event, Consumer<TransactionStatus> beforeCommit) {
		this.transactions.executeWithoutResult((status) -> {
			this.writer.append(event);
			beforeCommit.accept(status);
		});
	}

	/**
	 * Appends the next event of an aggregate the way a service does: in one transaction,
	 * lock the aggregate's row (bumping its version), then append.
	 * @param aggregateId the aggregate
	 * @param event builds the event from the aggregate's new version (1, 2, ...)
	 * @return the event appended, with the version it was appended at
	 */
	Appended appendForAggregate(String aggregateId, IntFunction<OutboxEvent> event) {
		return this.transactions.execute((status) -> {
			int version = this.jdbc.sql("""
					INSERT INTO test_aggregate (id, version) VALUES (:id, 1)
					ON CONFLICT (id) DO UPDATE SET version = test_aggregate.version + 1
					RETURNING version""").param("id", aggregateId).query(Integer.class).single();
			OutboxEvent appended = event.apply(version);
			this.writer.append(appended);
			return new Appended(version, appended);
		});
	}

	/**
	 * Appends an event in one transaction, as if written while serving a traced request.
	 * @param traceparent the request's W3C trace context
	 * @param event the event
	 */
	void appendTraced(String traceparent, OutboxEvent event) {
		this.traceHeaders.traceparent = traceparent;
		try {
			append(List.of(event));
		}
		finally {
			this.traceHeaders.traceparent = null;
		}
	}

	/**
	 * Deletes every outbox row and sets the lane count back to the migration's 16.
	 */
	void emptyWithDefaultLanes() {
		this.jdbc.sql("SELECT outbox_set_lanes(16)").query(Integer.class).single();
		this.jdbc.sql("DELETE FROM outbox").update();
	}

	long unpublished() {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE published_at IS NULL").query(Long.class).single();
	}

	long published() {
		return this.jdbc.sql("SELECT count(*) FROM outbox WHERE published_at IS NOT NULL").query(Long.class).single();
	}

	long idOf(String eventId) {
		return this.jdbc.sql("SELECT id FROM outbox WHERE event_id = CAST(:eventId AS uuid)")
			.param("eventId", eventId)
			.query(Long.class)
			.single();
	}

	/**
	 * @param eventId an appended event
	 * @return whether its row is marked published or, where published rows are not kept,
	 * gone
	 */
	boolean isPublished(String eventId) {
		return this.jdbc.sql("""
				SELECT NOT EXISTS (SELECT 1 FROM outbox
				                   WHERE event_id = CAST(:eventId AS uuid) AND published_at IS NULL)""")
			.param("eventId", eventId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * An event as appended for its aggregate.
	 *
	 * @param version the aggregate's version the event was appended at
	 * @param event the event
	 */
	record Appended(int version, OutboxEvent event) {

		String eventId() {
			return this.event.eventId().toString();
		}

	}

	/**
	 * The trace context of a request being served, as the OpenTelemetry agent would
	 * provide.
	 */
	private static final class TestTraceHeaders extends TraceHeaders {

		private volatile @Nullable String traceparent;

		@Override
		public Map<String, String> current() {
			String current = this.traceparent;
			return (current != null) ? Map.of(TRACEPARENT, current) : Map.of();
		}

	}

	@Override
	public void close() {
		this.serializer.close();
		this.dataSource.close();
	}

}
