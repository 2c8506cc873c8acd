package io.orderflow.relay.outbox;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.messaging.serde.AvroSerdeSettings;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import io.orderflow.relay.OutboxRelayApplication;
import io.orderflow.benchmark.peers.BenchEvent;
import io.orderflow.benchmark.peers.PeerOutbox;
import io.orderflow.benchmark.peers.Peers;
import io.orderflow.schemas.avro.OrderLine;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.testsupport.KafkaBroker;
import io.orderflow.testsupport.PostgresServer;
import io.orderflow.testsupport.SchemaRegistryServer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Throughput and latency of the relay on real infrastructure, against a plain producer
 * with the same settings and against the peers a user would pick instead (Spring
 * Modulith's event publication registry with Kafka externalization, Namastack's outbox:
 * see {@link Peers}), each publishing the same events to the same broker from the same
 * PostgreSQL. A command, not a test (timings never gate the build):
 * {@code ./mvnw -pl outbox-relay -Pbenchmark verify -DskipTests}. Sizes come from system
 * properties {@code benchmark.*} (see the profile in the module's pom); prints a table
 * and writes it to {@code benchmark.report}.
 */
public final class RelayBenchmark {

	private static final int AGGREGATES = 1_000;

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private static final String LATENCY = "orderflow.outbox.publish.latency";

	private static final int WRITERS = 4;

	private static final String INSERT_ONE = """
			INSERT INTO outbox (event_id, aggregate_type, aggregate_id, event_type, topic, payload, headers)
			VALUES (gen_random_uuid(), 'Order', ?, 'OrderPlaced', ?, ?, jsonb_build_object('traceparent', ?::text))""";

	private final int rawRecords = Integer.getInteger("benchmark.raw-records", 100_000);

	private final int backlogRows = Integer.getInteger("benchmark.backlog-rows", 100_000);

	private final int steadyRate = Integer.getInteger("benchmark.steady-rate", 500);

	private final int steadySeconds = Integer.getInteger("benchmark.steady-seconds", 30);

	private final int batchSize = Integer.getInteger("benchmark.batch-size", 500);

	// relay instances (1 to this many, each a context of its own in this JVM) sharing the
	// source's lanes
	private final int instances = Integer.getInteger("benchmark.instances", 3);

	// the peers measured after the relay (Modulith, Namastack; empty for none)
	private final String peers = System.getProperty("benchmark.peers", "Modulith,Namastack");

	private final String bootstrapServers = KafkaBroker.bootstrapServers();

	private final PostgresServer postgres = PostgresServer.get();

	private final byte[] payload = orderPlacedWireFormat();

	private final List<String> report = new ArrayList<>();

	private Timer writerCommits = commitTimer();

	private RelayBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int status = 0;
		try {
			new RelayBenchmark().run();
		}
		catch (Exception | Error ex) {
			ex.printStackTrace();
			status = 1;
		}
		// the broker's and registry's shutdown hooks stop them
		System.exit(status);
	}

	private void run() throws Exception {
		line("Outbox relay benchmark, %s, %d cores, payload %d bytes (OrderPlaced, Confluent wire format), "
				+ "%d aggregates, relay batch size %d", Instant.now(), Runtime.getRuntime().availableProcessors(),
				this.payload.length, AGGREGATES, this.batchSize);
		line("");
		double raw = rawCeiling();
		List<Result> backlogs = new ArrayList<>();
		List<Result> steadies = new ArrayList<>();
		for (int instances = 1; instances <= this.instances; instances++) {
			backlogs.add(backlog(instances));
			steadies.add(steady(instances));
		}
		List<String> peers = new ArrayList<>();
		List<Result> peerBacklogs = new ArrayList<>();
		List<Result> peerSteadies = new ArrayList<>();
		for (Class<?> peer : Peers.named(this.peers)) {
			peers.add(Peers.name(peer));
			peerBacklogs.add(peerBacklog(peer));
			peerSteadies.add(peerSteady(peer));
		}
		line("");
		line("%-52s %14s %12s %12s %12s", "scenario", "events/s", "p50 ms", "p99 ms", "max ms");
		line("%-52s %14.0f %12s %12s %12s", "a) plain producer, " + this.rawRecords + " records", raw, "-", "-", "-");
		for (int i = 0; i < backlogs.size(); i++) {
			Result backlog = backlogs.get(i);
			line("%-52s %14.0f %12.1f %12.1f %12.1f",
					"b) relay x" + (i + 1) + ", backlog of " + this.backlogRows + " rows", backlog.rate, backlog.p50,
					backlog.p99, backlog.max);
		}
		for (int i = 0; i < steadies.size(); i++) {
			Result steady = steadies.get(i);
			line("%-52s %14.0f %12.1f %12.1f %12.1f",
					"c) relay x" + (i + 1) + ", steady " + this.steadyRate + "/s for " + this.steadySeconds + " s",
					steady.rate, steady.p50, steady.p99, steady.max);
		}
		for (int i = 0; i < backlogs.size(); i++) {
			line("%-52s %13.0f%%", "d) relay x" + (i + 1) + " (b) / plain producer (a)",
					100 * backlogs.get(i).rate / raw);
		}
		for (int i = 1; i < backlogs.size(); i++) {
			line("%-52s %13.2fx", "e) relay x" + (i + 1) + " / relay x1, backlog",
					backlogs.get(i).rate / backlogs.get(0).rate);
		}
		for (int i = 0; i < peers.size(); i++) {
			Result backlog = peerBacklogs.get(i);
			line("%-52s %14.0f %12.1f %12.1f %12.1f",
					"f) " + peers.get(i) + ", backlog of " + this.backlogRows + " events", backlog.rate, backlog.p50,
					backlog.p99, backlog.max);
		}
		for (int i = 0; i < peers.size(); i++) {
			Result steady = peerSteadies.get(i);
			line("%-52s %14.0f %12.1f %12.1f %12.1f",
					"g) " + peers.get(i) + ", steady " + this.steadyRate + "/s for " + this.steadySeconds + " s",
					steady.rate, steady.p50, steady.p99, steady.max);
		}
		for (int i = 0; i < peers.size(); i++) {
			line("%-52s %13.0f%%", "h) " + peers.get(i) + " (f) / plain producer (a)",
					100 * peerBacklogs.get(i).rate / raw);
		}
		for (int i = 0; i < peers.size(); i++) {
			line("%-52s %13.2fx", "i) relay x1 / " + peers.get(i) + ", backlog",
					backlogs.get(0).rate / peerBacklogs.get(i).rate);
		}
		line("");
		line("Latency is insert (created_at) to broker ack, from the relay's orderflow.outbox.publish.latency timer; in (b) it");
		line("includes the time a row waited in the backlog, so only (c) is a latency figure. The peers' latency is from the");
		line("event's creation (before its commit) to the ack, seen by their KafkaTemplate; their rate counts an event once");
		line("it is acknowledged and marked completed in their table, as the relay's counts it once acknowledged and marked.");
		String file = System.getProperty("benchmark.report", "target/benchmark.txt");
		Files.createDirectories(Path.of(file).toAbsolutePath().getParent());
		Files.writeString(Path.of(file), String.join(System.lineSeparator(), this.report) + System.lineSeparator());
		System.out.println("Report written to " + Path.of(file).toAbsolutePath());
	}

	/** a) A plain producer with the relay's settings, as fast as it goes. */
	private double rawCeiling() throws Exception {
		String topic = createTopic("raw");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings())) {
			// warm-up: connections, metadata, JIT (as many records as measured: on two
			// cores
			// the C2 compiler threads otherwise take more CPU than the sender in the
			// measured phase)
			send(producer, topic, this.rawRecords);
			producer.flush();
			awaitQuietCompiler();
			long start = System.nanoTime();
			send(producer, topic, this.rawRecords);
			producer.flush();
			double rate = this.rawRecords / seconds(System.nanoTime() - start);
			line("a) plain producer: %,d records in %.2f s", this.rawRecords, this.rawRecords / rate);
			return rate;
		}
	}

	/**
	 * b) The relay catching up with a backlog that lands in one commit while it waits for
	 * work, measured from that commit to the last acknowledgement. Warmed up as the plain
	 * producer was: a first relay publishes a backlog of the same size, and the
	 * measurement starts only once the JIT compiler is quiet (otherwise, on two cores,
	 * the compiler threads compiling the new context's start-up take more CPU than the
	 * relay itself).
	 */
	private Result backlog(int instances) throws Exception {
		String warmUp = migratedDatabase("bench_warm_up");
		insertBacklog(warmUp, createTopic("warm-up"), this.backlogRows);
		try (ConfigurableApplicationContext relay = startRelay(warmUp)) {
			MeterRegistry meters = relay.getBean(MeterRegistry.class);
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
			while (published(meters) < this.backlogRows) {
				pause(deadline);
			}
		}
		String topic = createTopic("backlog-x" + instances);
		String database = migratedDatabase("bench_backlog_x" + instances);
		List<ConfigurableApplicationContext> relays = startRelays(database, instances);
		try {
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
			awaitLanesShared(relays, deadline);
			awaitQuietCompiler();
			long inserting = System.nanoTime();
			insertBacklog(database, topic, this.backlogRows);
			long start = System.nanoTime();
			line("b) x%d: backlog of %,d rows inserted and committed in %.2f s", instances, this.backlogRows,
					seconds(start - inserting));
			while (published(relays) < this.backlogRows) {
				pause(deadline);
			}
			double elapsed = seconds(System.nanoTime() - start);
			line("b) x%d: relay published %,d rows in %.2f s after the commit (%s)", instances, this.backlogRows,
					elapsed, shares(relays));
			return Result.of(this.backlogRows / elapsed, relays);
		}
		finally {
			relays.forEach(ConfigurableApplicationContext::close);
		}
	}

	private List<ConfigurableApplicationContext> startRelays(String database, int instances) {
		List<ConfigurableApplicationContext> relays = new ArrayList<>();
		for (int i = 0; i < instances; i++) {
			relays.add(startRelay(database));
		}
		return relays;
	}

	/** Waits until the instances own every lane between them, evenly. */
	private static void awaitLanesShared(List<ConfigurableApplicationContext> relays, long deadline)
			throws InterruptedException {
		while (true) {
			List<Integer> owned = relays.stream().map((relay) -> status(relay).ownedLaneCount()).toList();
			int lanes = status(relays.get(0)).laneCount();
			int total = owned.stream().mapToInt(Integer::intValue).sum();
			if (lanes > 0 && total == lanes && owned.stream().allMatch((n) -> n >= lanes / relays.size())) {
				return;
			}
			pause(deadline);
		}
	}

	private static SourceStatus status(ConfigurableApplicationContext relay) {
		return relay.getBean(OutboxSources.class).all().get(0).status();
	}

	private static double published(List<ConfigurableApplicationContext> relays) {
		return relays.stream().mapToDouble((relay) -> published(relay.getBean(MeterRegistry.class))).sum();
	}

	/** Rows each instance published, and its lanes. */
	private static String shares(List<ConfigurableApplicationContext> relays) {
		return relays.stream()
			.map((relay) -> String.format("%,.0f rows on %d lanes", published(relay.getBean(MeterRegistry.class)),
					status(relay).ownedLaneCount()))
			.collect(Collectors.joining(", "));
	}

	/**
	 * Waits until the JIT compiler has compiled nothing for a second (at most 60 s).
	 */
	private static void awaitQuietCompiler() throws InterruptedException {
		CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		long before = compiler.getTotalCompilationTime();
		do {
			TimeUnit.SECONDS.sleep(1);
			long now = compiler.getTotalCompilationTime();
			if (now == before) {
				return;
			}
			before = now;
		}
		while (System.nanoTime() < deadline);
	}

	/**
	 * c) The relay keeping up with a steady stream of small transactions (one event each,
	 * from {@value #WRITERS} paced writers, as a service's request threads would).
	 */
	private Result steady(int instances) throws Exception {
		String topic = createTopic("steady-x" + instances);
		String database = migratedDatabase("bench_steady_x" + instances);
		List<ConfigurableApplicationContext> relays = startRelays(database, instances);
		try {
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
			awaitLanesShared(relays, deadline);
			int events = this.steadyRate * this.steadySeconds;
			long start = System.nanoTime();
			double writeSeconds = writeSteadily(events, () -> {
				Connection connection = connect(database);
				PreparedStatement insert = connection.prepareStatement(INSERT_ONE);
				return new Writer() {

					@Override
					public void write(int i) throws SQLException {
						insert.setString(1, aggregate(i));
						insert.setString(2, topic);
						insert.setBytes(3, RelayBenchmark.this.payload);
						insert.setString(4, TRACEPARENT);
						insert.executeUpdate();
					}

					@Override
					public void close() throws SQLException {
						connection.close();
					}

				};
			});
			while (published(relays) < events) {
				pause(deadline);
			}
			double elapsed = seconds(System.nanoTime() - start);
			line("c) x%d: %,d events written in %.2f s (%.0f/s), all published after %.2f s (%s)", instances, events,
					writeSeconds, events / writeSeconds, elapsed, shares(relays));
			Result commits = Result.of(0, this.writerCommits);
			line("c) the writers' INSERT + COMMIT took p50 %.1f ms, p99 %.1f ms, max %.1f ms (part of the latency)",
					commits.p50, commits.p99, commits.max);
			return Result.of(events / elapsed, relays);
		}
		finally {
			relays.forEach(ConfigurableApplicationContext::close);
		}
	}

	/**
	 * Writes events 0 to {@code events - 1} at the steady rate, each in a transaction of
	 * its own, from {@value #WRITERS} writers (event i from writer i mod WRITERS, on
	 * schedule), and times each write into {@link #writerCommits}.
	 * @return seconds from the first scheduled write to the last done
	 */
	private double writeSteadily(int events, Callable<Writer> writer) throws Exception {
		this.writerCommits = commitTimer();
		long intervalNanos = TimeUnit.SECONDS.toNanos(1) / this.steadyRate;
		long start = System.nanoTime();
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int first = 0; first < WRITERS; first++) {
				int firstEvent = first;
				done.add(writers.submit(() -> {
					try (Writer own = writer.call()) {
						for (int i = firstEvent; i < events; i += WRITERS) {
							long wait = start + i * intervalNanos - System.nanoTime();
							if (wait > 0) {
								TimeUnit.NANOSECONDS.sleep(wait);
							}
							long started = System.nanoTime();
							own.write(i);
							this.writerCommits.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
						}
					}
					return null;
				}));
			}
			for (Future<?> writerDone : done) {
				writerDone.get();
			}
		}
		finally {
			writers.shutdown();
		}
		return seconds(System.nanoTime() - start);
	}

	/** One writer thread's way of writing event i in a transaction of its own. */
	private interface Writer extends AutoCloseable {

		void write(int i) throws Exception;

		@Override
		default void close() throws Exception {
		}

	}

	/**
	 * f) A peer catching up with a backlog that lands in one commit, measured as (b):
	 * from the commit to the last event acknowledged and marked, after a warm-up with a
	 * backlog of the same size in a context of its own.
	 */
	private Result peerBacklog(Class<?> peer) throws Exception {
		String name = peer.getSimpleName();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
		try (ConfigurableApplicationContext context = startPeer(peer, name + "_warm_up")) {
			PeerOutbox outbox = awaitReady(context, deadline);
			outbox.publish(events(createTopic(name + "-warm-up"), this.backlogRows));
			awaitPublished(outbox, this.backlogRows, deadline);
		}
		try (ConfigurableApplicationContext context = startPeer(peer, name + "_backlog")) {
			PeerOutbox outbox = awaitReady(context, deadline);
			List<BenchEvent> events = events(createTopic(name + "-backlog"), this.backlogRows);
			awaitQuietCompiler();
			long inserting = System.nanoTime();
			outbox.publish(events);
			long start = System.nanoTime();
			line("f) %s: backlog of %,d events published to it in one transaction in %.2f s", outbox.description(),
					this.backlogRows, seconds(start - inserting));
			awaitPublished(outbox, this.backlogRows, deadline);
			double elapsed = seconds(System.nanoTime() - start);
			line("f) %s: %,d events acknowledged and marked in %.2f s after the commit", name, this.backlogRows,
					elapsed);
			return Result.of(this.backlogRows / elapsed, outbox.acknowledged().latency());
		}
	}

	/** g) A peer keeping up with the steady stream of (c). */
	private Result peerSteady(Class<?> peer) throws Exception {
		String name = peer.getSimpleName();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
		try (ConfigurableApplicationContext context = startPeer(peer, name + "_steady")) {
			PeerOutbox outbox = awaitReady(context, deadline);
			String topic = createTopic(name + "-steady");
			int events = this.steadyRate * this.steadySeconds;
			long start = System.nanoTime();
			double writeSeconds = writeSteadily(events, () -> (i) -> outbox
				.publish(List.of(new BenchEvent(topic, aggregate(i), this.payload, System.nanoTime()))));
			awaitPublished(outbox, events, deadline);
			double elapsed = seconds(System.nanoTime() - start);
			line("g) %s: %,d events written in %.2f s (%.0f/s), all acknowledged and marked after %.2f s", name, events,
					writeSeconds, events / writeSeconds, elapsed);
			Result commits = Result.of(0, this.writerCommits);
			line("g) the writers' transactions took p50 %.1f ms, p99 %.1f ms, max %.1f ms (part of the latency)",
					commits.p50, commits.p99, commits.max);
			return Result.of(events / elapsed, outbox.acknowledged().latency());
		}
	}

	private ConfigurableApplicationContext startPeer(Class<?> peer, String database) {
		return Peers.start(peer, this.postgres.createDatabase("bench_" + database), this.postgres.username(),
				this.postgres.password(), producerSettings());
	}

	private static PeerOutbox awaitReady(ConfigurableApplicationContext context, long deadline)
			throws InterruptedException {
		PeerOutbox outbox = context.getBean(PeerOutbox.class);
		while (!outbox.ready()) {
			TimeUnit.MILLISECONDS.sleep(50);
			pause(deadline);
		}
		return outbox;
	}

	/**
	 * Waits until the broker acknowledged the events and the peer marked them all.
	 */
	private static void awaitPublished(PeerOutbox outbox, int events, long deadline) throws InterruptedException {
		while (outbox.acknowledged().count() < events) {
			pause(deadline);
		}
		while (outbox.unpublished() > 0) {
			TimeUnit.MILLISECONDS.sleep(20);
			pause(deadline);
		}
	}

	private List<BenchEvent> events(String topic, int count) {
		List<BenchEvent> events = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			events.add(new BenchEvent(topic, aggregate(i), this.payload, System.nanoTime()));
		}
		return events;
	}

	private ConfigurableApplicationContext startRelay(String database) {
		List<String> arguments = new ArrayList<>(
				List.of("server.port=0", "management.server.port=0", "spring.main.banner-mode=off",
						"spring.autoconfigure.exclude=" + Peers.MESSAGING_AUTO_CONFIGURATION + ","
								+ Peers.MODULITH_AUTO_CONFIGURATIONS,
						"namastack.outbox.enabled=false",
						"spring.kafka.bootstrap-servers=" + this.bootstrapServers,
						"orderflow.relay.batch-size=" + this.batchSize, "orderflow.relay.metrics-interval=1s",
						"management.metrics.distribution.percentiles." + LATENCY + "=0.5,0.99",
						"management.metrics.distribution.expiry." + LATENCY + "=30m",
						"management.metrics.distribution.buffer-length." + LATENCY + "=1",
						"logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN",
						"logging.level.state.change.logger=WARN"));
		arguments.addAll(List.of("orderflow.relay.sources[0].name=bench", "orderflow.relay.sources[0].url=" + database,
				"orderflow.relay.sources[0].username=" + this.postgres.username(),
				"orderflow.relay.sources[0].password=" + this.postgres.password()));
		return new SpringApplicationBuilder(OutboxRelayApplication.class).main(OutboxRelayApplication.class)
			.run(arguments.stream().map((argument) -> "--" + argument).toArray(String[]::new));
	}

	/**
	 * The relay's producer settings: application.yml's tunables plus what the relay
	 * forces.
	 */
	private Map<String, Object> producerSettings() {
		Map<String, Object> settings = new HashMap<>();
		settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		settings.put(ProducerConfig.ACKS_CONFIG, "all");
		settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
		settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		return settings;
	}

	private void send(KafkaProducer<String, byte[]> producer, String topic, int records) {
		for (int i = 0; i < records; i++) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, aggregate(i), this.payload);
			record.headers().add("event_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
			record.headers().add("event_type", "OrderPlaced".getBytes(StandardCharsets.UTF_8));
			record.headers().add("traceparent", TRACEPARENT.getBytes(StandardCharsets.UTF_8));
			producer.send(record);
		}
	}

	private void insertBacklog(String database, String topic, int rows) throws SQLException {
		try (Connection connection = connect(database); PreparedStatement insert = connection.prepareStatement("""
				INSERT INTO outbox (event_id, aggregate_type, aggregate_id, event_type, topic, payload, headers)
				SELECT gen_random_uuid(), 'Order', md5((i %% %d)::text)::uuid::text, 'OrderPlaced', ?, ?,
				       jsonb_build_object('traceparent', ?::text)
				FROM generate_series(1, ?) AS i""".formatted(AGGREGATES))) {
			insert.setString(1, topic);
			insert.setBytes(2, this.payload);
			insert.setString(3, TRACEPARENT);
			insert.setInt(4, rows);
			insert.executeUpdate();
		}
	}

	private String migratedDatabase(String name) {
		String url = this.postgres.createDatabase(name);
		Flyway.configure()
			.dataSource(url, this.postgres.username(), this.postgres.password())
			.locations("classpath:db/messaging")
			.load()
			.migrate();
		return url;
	}

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(database, this.postgres.username(), this.postgres.password());
	}

	private String createTopic(String name) throws Exception {
		String topic = "relay-benchmark." + name + "." + UUID.randomUUID();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
		}
		return topic;
	}

	private static String aggregate(int i) {
		return UUID.nameUUIDFromBytes(Integer.toString(i % AGGREGATES).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static byte[] orderPlacedWireFormat() {
		SchemaRegistryProperties registry = new SchemaRegistryProperties(URI.create(SchemaRegistryServer.baseUrl()),
				true);
		try (AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>()) {
			serializer.configure(AvroSerdeSettings.serializer(registry), false);
			OrderPlaced event = new OrderPlaced(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), "customer-42",
					List.of(new OrderLine("SKU-1", 2), new OrderLine("SKU-BOOK", 1)));
			return serializer.serialize("relay-benchmark", event);
		}
	}

	private static double published(MeterRegistry meters) {
		return meters.get("orderflow.outbox.published").counter().count();
	}

	private static void pause(long deadline) throws InterruptedException {
		if (System.nanoTime() > deadline) {
			throw new IllegalStateException("benchmark phase did not finish in time");
		}
		TimeUnit.MILLISECONDS.sleep(1);
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private void line(String format, Object... arguments) {
		String line = String.format(Locale.ROOT, format, arguments);
		System.out.println(line);
		this.report.add(line);
	}

	private static Timer commitTimer() {
		return Timer.builder("writer.commits")
			.publishPercentiles(0.5, 0.99)
			.distributionStatisticExpiry(Duration.ofMinutes(30))
			.distributionStatisticBufferLength(1)
			.register(new SimpleMeterRegistry());
	}

	private record Result(double rate, double p50, double p99, double max) {

		/**
		 * @return the rate, and the latency percentiles of the instance whose latency was
		 * worst at each
		 */
		static Result of(double rate, List<ConfigurableApplicationContext> relays) {
			List<Result> each = relays.stream()
				.map((relay) -> of(rate, relay.getBean(MeterRegistry.class).get(LATENCY).timer()))
				.toList();
			return new Result(rate, each.stream().mapToDouble(Result::p50).max().orElse(Double.NaN),
					each.stream().mapToDouble(Result::p99).max().orElse(Double.NaN),
					each.stream().mapToDouble(Result::max).max().orElse(Double.NaN));
		}

		static Result of(double rate, Timer latency) {
			HistogramSnapshot snapshot = latency.takeSnapshot();
			double p50 = Double.NaN;
			double p99 = Double.NaN;
			for (ValueAtPercentile percentile : snapshot.percentileValues()) {
				if (percentile.percentile() == 0.5) {
					p50 = percentile.value(TimeUnit.MILLISECONDS);
				}
				else if (percentile.percentile() == 0.99) {
					p99 = percentile.value(TimeUnit.MILLISECONDS);
				}
			}
			return new Result(rate, p50, p99, snapshot.max(TimeUnit.MILLISECONDS));
		}

	}

}
