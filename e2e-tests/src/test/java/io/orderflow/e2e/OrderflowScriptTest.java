package io.orderflow.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.orderflow.e2e.Command.Result;
import io.orderflow.schemas.Topics;
import io.orderflow.service.kafka.KafkaClientSecurity;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The README's run command on a machine without Docker: {@code ./orderflow up} starts
 * Kafka, the registry, the four services (with the OpenTelemetry agent) and Prometheus
 * from what the build made, against the local PostgreSQL, and seeds the demo data; the
 * curl example of its output places an order that is confirmed; {@code ./orderflow load}
 * and {@code status} work against it; {@code ./orderflow down} stops everything.
 * <p>
 * It uses the script's fixed ports (8080-8085, 9092-9093), so outside CI it is skipped
 * where they are taken (a developer's running stack; see {@link MachineTools}); databases
 * and state are its own ({@code ORDERFLOW_DB_PREFIX}, {@code ORDERFLOW_HOME}).
 */
class OrderflowScriptTest {

	private static final ScriptStack stack = new ScriptStack("script", 1, Map.of());

	@BeforeAll
	static void up() throws Exception {
		Result up = stack.up();
		assertThat(up.output()).contains("Orderflow is up", "curl -si -X POST http://127.0.0.1:8080/orders");
	}

	@AfterAll
	static void down() throws Exception {
		stack.down();
	}

	@Test
	void upRunsTheSuiteWithItsDemoDataAndLoadAndStatusWorkAgainstIt() throws Exception {
		// the examples the script prints: alice's token, then her order
		Result token = stack.orderflow(Duration.ofMinutes(1), "token", "alice");
		assertThat(token.exitCode()).as(token.output()).isZero();
		String bearer = "Authorization: Bearer " + lastLine(token.output());
		Result refused = curl("-X", "POST", "http://127.0.0.1:8080/orders", "-H", "Content-Type: application/json",
				"-d", "{\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}");
		assertThat(refused.output()).as(refused.output()).startsWith("HTTP/1.1 401");
		Result placed = curl("-X", "POST", "http://127.0.0.1:8080/orders", "-H", bearer, "-H",
				"Content-Type: application/json", "-d", "{\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}");
		assertThat(placed.output()).as(placed.output()).startsWith("HTTP/1.1 201").contains("\"customerId\":\"alice\"");
		Matcher placedId = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(placed.output());
		assertThat(placedId.find()).isTrue();
		String id = placedId.group(1);
		// the long-poll example, as printed: one request per change of the order until it
		// is terminal
		String tag = "\"0\"";
		List<String> answers = new ArrayList<>();
		while (!answers.contains("200 CONFIRMED") && answers.size() < 12) {
			Result poll = curl("http://127.0.0.1:8080/orders/" + id + "?waitForChange=5s", "-H", bearer, "-H",
					"If-None-Match: " + tag);
			Matcher statusLine = Pattern.compile("^HTTP/1.1 (\\d{3})").matcher(poll.output());
			Matcher etag = Pattern.compile("(?mi)^ETag: (\"\\d+\")").matcher(poll.output());
			Matcher orderStatus = Pattern.compile("\"status\":\"([A-Z]+)\"").matcher(poll.output());
			assertThat(statusLine.find() && etag.find()).as(poll.output()).isTrue();
			tag = etag.group(1);
			answers.add(statusLine.group(1) + (orderStatus.find() ? " " + orderStatus.group(1) : ""));
		}
		// 200 PENDING (reserved) then 200 CONFIRMED, or at once CONFIRMED; a 304 only if
		// a wait ran out
		assertThat(answers).as("answers to the long-poll").endsWith("200 CONFIRMED");
		assertThat(answers.stream().filter((a) -> a.startsWith("200"))).hasSizeLessThanOrEqualTo(2);
		assertThat(tag).isEqualTo("\"2\"");
		assertThat(curl("http://127.0.0.1:8081/products/SKU-1", "-H", bearer).output()).contains("\"available\":98");
		assertThat(curl("http://127.0.0.1:8082/accounts/bob", "-H", bearer).output()).startsWith("HTTP/1.1 404");

		Result load = stack.orderflow(Duration.ofMinutes(3), "load", "--orders", "30", "--rate", "10", "--setup");
		assertThat(load.exitCode()).as(load.output()).isZero();
		assertThat(load.output()).contains("reached a terminal state: 30", "outcomes: {CONFIRMED=30}",
				"POST -> terminal latency ms: p50");

		// the tools for scripts: one JSON document on standard output
		Result loadJson = stack.orderflowStandardOutput(Duration.ofMinutes(2), "load", "--orders", "10", "--rate", "10",
				"--setup", "--json");
		assertThat(loadJson.exitCode()).as(loadJson.output()).isZero();
		JsonNode loaded = Api.JSON.readTree(loadJson.output());
		assertThat(loaded.get("placed").asInt()).isEqualTo(10);
		assertThat(loaded.get("terminal").asInt()).isEqualTo(10);
		assertThat(loaded.get("outcomes").get("CONFIRMED").asInt()).isEqualTo(10);
		assertThat(loaded.get("latencyMillis").get("p99").asLong()).isPositive();
		Result lagJson = stack.orderflowStandardOutput(Duration.ofMinutes(1), "lag", "--json");
		assertThat(lagJson.exitCode()).as(lagJson.output()).isZero();
		List<String> groups = new ArrayList<>();
		Api.JSON.readTree(lagJson.output()).get("groups").forEach((group) -> {
			groups.add(group.get("group").asString());
			assertThat(group.get("partitions").size()).as(group.toString()).isPositive();
		});
		assertThat(groups).contains("order-service", "inventory-service", "payment-service");
		Result lag = stack.orderflow(Duration.ofMinutes(1), "lag", "--group", "order-service");
		assertThat(lag.exitCode()).as(lag.output()).isZero();
		assertThat(lag.output()).containsPattern("(?m)^GROUP +TOPIC +PART +COMMITTED +END +LAG +MEMBER$")
			.containsPattern("order-service +orders.order-placed.v1|order-service +inventory.stock-reserved.v1")
			.containsPattern("order-service: lag \\d+ over \\d+ partition\\(s\\), \\d+ member\\(s\\)")
			.doesNotContain(" INFO ");

		Result status = stack.orderflow(Duration.ofSeconds(30), "status");
		assertThat(status.output()).containsPattern("order\\s+\\d+\\s+running\\s+UP")
			.containsPattern("relay\\s+\\d+\\s+running\\s+UP")
			.containsPattern("kafka\\s+\\d+\\s+running\\s+listening");
		assertThat(status.output()).containsPattern("prometheus\\s+\\d+\\s+running\\s+ready");
		// the services run with the OpenTelemetry agent
		assertThat(Files.readString(stack.home().resolve("logs/order.log"))).contains("opentelemetry-javaagent");
	}

	/**
	 * The operator's commands for parked outbox rows, on a row parked by hand (a value
	 * that is no Avro, to the topic inventory reads): listed, moved back to the outbox,
	 * published by the relay, and dead-lettered by inventory, which can never read it.
	 */
	@Test
	void parkedOutboxRowsAreListedAndMovedBackForTheRelayToPublish() throws Exception {
		String orderDatabase = stack.database("order");
		Result park = ScriptStack.run(Duration.ofSeconds(30), Map.of(), "psql", "-h", "127.0.0.1", "-U", "postgres",
				"-d", orderDatabase, "-v", "ON_ERROR_STOP=1", "-qc", """
						INSERT INTO outbox_parked (id, event_id, aggregate_type, aggregate_id, event_type, topic,
						                           payload, headers, created_at, reason)
						VALUES (999999999, gen_random_uuid(), 'Order', 'parked-by-hand', 'OrderPlaced',
						        'orders.order-placed.v1', 'not avro'::bytea, '{}', now(), 'parked by the test')""");
		assertThat(park.exitCode()).as(park.output()).isZero();

		Result parked = stack.orderflow(Duration.ofSeconds(30), "outbox", "parked");
		assertThat(parked.exitCode()).as(parked.output()).isZero();
		assertThat(parked.output()).contains("order (" + orderDatabase + ")", "inventory (", "payment (")
			.containsPattern("999999999 \\| parked-by-hand +\\| OrderPlaced")
			.contains("parked by the test");

		assertThat(stack.orderflow(Duration.ofSeconds(30), "outbox", "unpark", "order", "x").exitCode()).isNotZero();
		Result unpark = stack.orderflow(Duration.ofSeconds(30), "outbox", "unpark", "order", "999999999");
		assertThat(unpark.exitCode()).as(unpark.output()).isZero();
		assertThat(unpark.output()).contains("INSERT 0 1");

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Result letters = stack.orderflow(Duration.ofSeconds(60), "dlt", "list", "orders.order-placed.v1");
			assertThat(letters.output()).contains("parked-by-hand", "NonRetryableEventException");
		});
		// a table with nothing of the Kafka clients' logs before it; and the same for
		// scripts
		Result table = stack.orderflow(Duration.ofSeconds(60), "dlt", "list", "orders.order-placed.v1");
		assertThat(table.output()).containsPattern("(?m)^dead-letter topic +part +offset")
			.doesNotContain(" INFO ", " WARN ");
		Result json = stack.orderflowStandardOutput(Duration.ofSeconds(60), "dlt", "list", "orders.order-placed.v1",
				"--json");
		assertThat(json.exitCode()).as(json.output()).isZero();
		JsonNode letter = null;
		for (JsonNode each : Api.JSON.readTree(json.output()).get("deadLetters")) {
			letter = each.get("key").asString().equals("parked-by-hand") ? each : letter;
		}
		assertThat(letter).as(json.output()).isNotNull();
		assertThat(letter.get("exception").asString()).contains("NonRetryableEventException");
		assertThat(letter.get("replayed").asBoolean()).isFalse();
		assertThat(stack.orderflow(Duration.ofSeconds(30), "outbox", "parked").output()).doesNotContain("999999999");
		// the operators' replay on the secured brokers (orderflow-ops writes the saga
		// topic, commits in the replay
		// group): the record goes back to inventory, which dead-letters it again
		Result replay = stack.orderflow(Duration.ofSeconds(60), "dlt", "replay", "orders.order-placed.v1");
		assertThat(replay.exitCode()).as(replay.output()).isZero();
		assertThat(replay.output()).contains("1 dead letter(s) replayed");
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Result letters = stack.orderflow(Duration.ofSeconds(60), "dlt", "list", "orders.order-placed.v1");
			assertThat(letters.output()).contains("2 dead letter(s)");
		});
	}

	/**
	 * Each service runs as its own database role, owner of its own database only; the
	 * relay's role reads and marks the outboxes and sees no other table.
	 */
	@Test
	void eachServiceHasItsOwnDatabaseRoleAndTheRelaySeesOnlyTheOutbox() throws Exception {
		String order = stack.database("order");
		String relay = stack.database("relay");
		assertThat(psql(relay, order, "SELECT count(*) FROM outbox").exitCode()).isZero();
		assertThat(psql(relay, order, "SELECT count(*) FROM outbox_parked").exitCode()).isZero();
		assertThat(psql(relay, order, "SELECT count(*) FROM orders").output())
			.contains("permission denied for table orders");
		assertThat(psql(relay, order, "INSERT INTO outbox (event_id) VALUES (gen_random_uuid())").output())
			.contains("permission denied for table outbox");
		assertThat(psql(order, stack.database("payment"), "SELECT 1").output()).contains("CONNECT privilege");
		assertThat(psql("postgres", "postgres",
				"SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '" + order + "'")
			.output()
			.strip()).isEqualTo(order);
	}

	private static Result psql(String user, String database, String sql) throws Exception {
		return ScriptStack.run(Duration.ofSeconds(30), Map.of(), "psql", "-h", "127.0.0.1", "-U", user, "-d", database,
				"-tAc", sql);
	}

	/**
	 * The brokers {@code ./orderflow up} starts are secured: a plain-text client and a
	 * wrong password are refused; a service's principal cannot publish a saga event (a
	 * forged {@code PaymentCompleted} from payment-service's credentials), nor read
	 * another service's consumer group; it can write the dead-letter topic of a topic it
	 * reads, which it must.
	 */
	@Test
	void theBrokersRefuseAPlainTextClientAWrongPasswordAndWhatNoAclAllows() throws Exception {
		Path kafka = stack.home().resolve("secrets/kafka");
		// plain text to the SASL_SSL listener: no answer that a plain-text client
		// understands
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092",
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				2000))) {
			assertThatThrownBy(() -> admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
				.isInstanceOf(ExecutionException.class);
		}
		Map<String, Object> wrongPassword = client(kafka, "payment-service");
		wrongPassword.put(SaslConfigs.SASL_JAAS_CONFIG,
				new KafkaClientSecurity("payment-service", "not-the-password", kafka.resolve("ca.pem"))
					.clientProperties()
					.get(SaslConfigs.SASL_JAAS_CONFIG));
		try (KafkaProducer<String, byte[]> producer = producer(wrongPassword)) {
			assertThatThrownBy(
					() -> producer.send(record(Topics.deadLetter(Topics.STOCK_RESERVED))).get(20, TimeUnit.SECONDS))
				.hasCauseInstanceOf(SaslAuthenticationException.class);
		}
		try (KafkaProducer<String, byte[]> payment = producer(client(kafka, "payment-service"))) {
			// allowed: the dead-letter topic of a topic payment reads
			payment.send(record(Topics.deadLetter(Topics.STOCK_RESERVED))).get(20, TimeUnit.SECONDS);
			// refused: a saga event, which only the relay publishes
			assertThatThrownBy(() -> payment.send(record(Topics.PAYMENT_COMPLETED)).get(20, TimeUnit.SECONDS))
				.hasCauseInstanceOf(TopicAuthorizationException.class);
		}
		Map<String, Object> order = client(kafka, "order-service");
		order.put(ConsumerConfig.GROUP_ID_CONFIG, "inventory-service");
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(order, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(Topics.STOCK_RESERVED));
			assertThatThrownBy(() -> {
				for (int i = 0; i < 20; i++) {
					consumer.poll(Duration.ofMillis(500));
				}
			}).isInstanceOf(GroupAuthorizationException.class);
		}
	}

	/** A client of the stack's brokers as one of its principals. */
	private static Map<String, Object> client(Path secrets, String principal) throws Exception {
		Map<String, Object> config = new HashMap<>(
				new KafkaClientSecurity(principal, Files.readString(secrets.resolve(principal + ".password")).strip(),
						secrets.resolve("ca.pem"))
					.clientProperties());
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
		return config;
	}

	private static KafkaProducer<String, byte[]> producer(Map<String, Object> config) {
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

	private static ProducerRecord<String, byte[]> record(String topic) {
		return new ProducerRecord<>(topic, "forged-" + UUID.randomUUID(), "not avro".getBytes(StandardCharsets.UTF_8));
	}

	/** curl -s -i with these arguments, as a reader of the README runs it. */
	private static Result curl(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("curl", "-s", "-i"));
		command.addAll(List.of(arguments));
		return Command.run(ScriptStack.ROOT, Map.of(), Duration.ofSeconds(40), command.toArray(String[]::new));
	}

	private static String lastLine(String output) {
		String[] lines = output.strip().split("\\R");
		return lines[lines.length - 1].strip();
	}

}
