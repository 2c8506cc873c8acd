package io.orderflow.relay.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.orderflow.messaging.outbox.OutboxEvent;
import io.orderflow.relay.OutboxRelayApplication;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.testsupport.RealInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay as deployed, one instance with one source, against the real broker,
 * PostgreSQL and registry.
 */
@SpringBootTest(classes = { OutboxRelayApplication.class, OutboxFixtures.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "orderflow.relay.sources[0].name=test",
				"orderflow.relay.sources[0].url=${spring.datasource.url}",
				"orderflow.relay.sources[0].username=${spring.datasource.username}",
				"orderflow.relay.sources[0].password=${spring.datasource.password}",
				"orderflow.relay.metrics-interval=200ms",
				"spring.autoconfigure.exclude=io.orderflow.messaging.config.MessagingAutoConfiguration" })
@RealInfrastructure
class OutboxRelayIntegrationTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	@Autowired
	private OutboxDatabase database;

	@Autowired
	private KafkaTopics topics;

	/** Health and metrics are on the management port. */
	@Value("${local.management.port}")
	private int port;

	@Test
	void publishesEachCommittedRowExactlyOnceKeyedByAggregateWithHeadersAndARegistryDecodablePayload() {
		String topic = this.topics.create("committed");
		String orderId = UUID.randomUUID().toString();
		OutboxEvent traced = Events.orderPlaced(topic, orderId, 1);
		List<OutboxEvent> events = new ArrayList<>(List.of(traced));
		this.database.appendTraced(TRACEPARENT, traced);
		List<OutboxEvent> oneTransaction = List.of(Events.orderPlaced(topic, orderId, 2), Events.orderPlaced(topic),
				Events.orderPlaced(topic));
		this.database.append(oneTransaction);
		events.addAll(oneTransaction);

		try (TopicReader reader = this.topics.reader(topic)) {
			reader.awaitEventIds(eventIds(events), TIMEOUT);
			await().atMost(TIMEOUT).until(() -> events.stream().allMatch(this::isPublished));
			List<ConsumerRecord<String, Object>> records = reader.poll();
			assertThat(this.database.jdbc()
				.sql("SELECT count(*) FROM outbox WHERE event_id = ANY(CAST(:ids AS uuid[]))")
				.param("ids", eventIds(events).toArray(String[]::new))
				.query(Long.class)
				.single()).as("acknowledged rows are deleted (no retention configured)").isZero();

			assertThat(records).hasSize(events.size());
			for (OutboxEvent event : events) {
				ConsumerRecord<String, Object> record = records.stream()
					.filter((candidate) -> event.eventId().toString().equals(TopicReader.header(candidate, "event_id")))
					.findFirst()
					.orElseThrow();
				assertThat(record.key()).isEqualTo(event.aggregateId());
				assertThat(TopicReader.header(record, "event_type")).isEqualTo("OrderPlaced");
				assertThat(TopicReader.header(record, "traceparent")).isEqualTo((event == traced) ? TRACEPARENT : null);
				assertThat(record.value()).isInstanceOf(OrderPlaced.class).isEqualTo(event.payload());
			}
		}
	}

	@Test
	void neverPublishesTheRowsOfARolledBackTransaction() {
		String topic = this.topics.create("rolled-back");
		OutboxEvent rolledBack = Events.orderPlaced(topic);
		this.database.appendInTransaction(rolledBack, TransactionStatus::setRollbackOnly);
		OutboxEvent committed = Events.orderPlaced(topic);
		this.database.append(List.of(committed));

		try (TopicReader reader = this.topics.reader(topic)) {
			// rows are published in id order: once the later row is out, the earlier one
			// would be too
			reader.awaitEventIds(eventIds(List.of(committed)), TIMEOUT);
			await().atMost(TIMEOUT).until(() -> isPublished(committed));

			assertThat(TopicReader.eventIds(reader.poll())).containsExactly(committed.eventId().toString());
		}
		assertThat(this.database.jdbc()
			.sql("SELECT count(*) FROM outbox WHERE event_id = :id")
			.param("id", rolledBack.eventId())
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * The skipped-rows pitfall: identity values are allocated at insert, so rows with
	 * lower ids can commit after higher ids were already published.
	 */
	@Test
	void publishesRowsWhoseLowerIdsCommitAfterHigherIdsWerePublished() throws Exception {
		String topic = this.topics.create("reverse-commit");
		int pairs = 4;
		List<OutboxEvent> slow = new ArrayList<>();
		List<OutboxEvent> fast = new ArrayList<>();
		List<CountDownLatch> commits = new ArrayList<>();
		List<Long> slowIds = new CopyOnWriteArrayList<>();
		List<Long> fastIds = new ArrayList<>();
		List<CompletableFuture<Void>> slowTransactions = new ArrayList<>();
		ExecutorService writers = Executors.newFixedThreadPool(pairs);
		try (TopicReader reader = this.topics.reader(topic)) {
			for (int i = 0; i < pairs; i++) {
				OutboxEvent event = Events.orderPlaced(topic);
				CountDownLatch appended = new CountDownLatch(1);
				CountDownLatch commit = new CountDownLatch(1);
				// ids read inside the appending transactions: a published row is deleted
				slowTransactions
					.add(CompletableFuture.runAsync(() -> this.database.appendInTransaction(event, (status) -> {
						slowIds.add(idOf(event));
						appended.countDown();
						awaitLatch(commit);
					}), writers));
				assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
				OutboxEvent later = Events.orderPlaced(topic);
				this.database.appendInTransaction(later, (status) -> fastIds.add(idOf(later)));
				slow.add(event);
				fast.add(later);
				commits.add(commit);
			}
			reader.awaitEventIds(eventIds(fast), TIMEOUT);
			assertThat(TopicReader.eventIds(reader.poll())).doesNotContainAnyElementsOf(eventIds(slow));

			// commit in reverse order: the lowest id last
			for (int i = pairs - 1; i >= 0; i--) {
				commits.get(i).countDown();
				slowTransactions.get(i).get(10, TimeUnit.SECONDS);
			}
			for (int i = 0; i < pairs; i++) {
				assertThat(slowIds.get(i)).isLessThan(fastIds.get(i));
			}

			reader.awaitEventIds(eventIds(slow), TIMEOUT);
			await().atMost(TIMEOUT).until(() -> slow.stream().allMatch(this::isPublished));
			assertThat(this.database.unpublished()).isZero();
		}
		finally {
			commits.forEach(CountDownLatch::countDown);
			writers.shutdown();
		}
	}

	@Test
	void exposesBacklogAndPublishedEventsOnThePrometheusEndpoint() {
		String topic = this.topics.create("metrics");
		double publishedBefore = metric(scrape(), "orderflow_outbox_published_events_total");
		List<OutboxEvent> events = List.of(Events.orderPlaced(topic), Events.orderPlaced(topic),
				Events.orderPlaced(topic));
		this.database.append(events);

		await().atMost(TIMEOUT).untilAsserted(() -> {
			String scrape = scrape();
			assertThat(metric(scrape, "orderflow_outbox_published_events_total"))
				.isEqualTo(publishedBefore + events.size());
			assertThat(metric(scrape, "orderflow_outbox_backlog_rows")).isZero();
			assertThat(metric(scrape, "orderflow_outbox_oldest_unpublished_age_seconds")).isZero();
			assertThat(metric(scrape, "orderflow_outbox_lanes")).isEqualTo(16.0);
			assertThat(metric(scrape, "orderflow_outbox_lanes_owned")).isEqualTo(16.0);
			assertThat(scrape).containsPattern("orderflow_outbox_lane_owned\\{[^}]*lane=\"15\"[^}]*} 1\\.0")
				.containsPattern("orderflow_outbox_lane_backlog_rows\\{[^}]*lane=\"0\"[^}]*} 0\\.0");
			assertThat(metric(scrape, "orderflow_outbox_publish_latency_seconds_count"))
				.isGreaterThanOrEqualTo(events.size());
			assertThat(scrape).contains("orderflow_outbox_publish_latency_seconds_bucket{");
		});
	}

	@Test
	void reportsEachSourcesRoleAndDatabaseInHealth() {
		JsonNode health = JsonMapper.builder()
			.build()
			.readTree(RestClient.create().get().uri(url("/actuator/health")).retrieve().body(String.class));

		assertThat(health.path("status").asString()).isEqualTo("UP");
		JsonNode source = health.path("components").path("outboxRelay").path("details").path("test");
		assertThat(source.path("role").asString()).isEqualTo("publishing");
		assertThat(source.path("laneCount").asInt()).isEqualTo(16);
		assertThat(source.path("lanes")).hasSize(16);
		assertThat(source.path("members").asInt()).isOne();
		assertThat(source.path("database").asString()).isEqualTo("reachable");
	}

	private String scrape() {
		return RestClient.create().get().uri(url("/actuator/prometheus")).retrieve().body(String.class);
	}

	private static double metric(String scrape, String name) {
		Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*source=\"test\"[^}]*\\} (\\S+)$").matcher(scrape);
		assertThat(matcher.find()).as("%s{source=\"test\"} in the scrape", name).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private boolean isPublished(OutboxEvent event) {
		return this.database.isPublished(event.eventId().toString());
	}

	private long idOf(OutboxEvent event) {
		return this.database.idOf(event.eventId().toString());
	}

	private static Set<String> eventIds(List<OutboxEvent> events) {
		return Set.copyOf(events.stream().map((event) -> event.eventId().toString()).toList());
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			if (!latch.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("never told to commit");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
