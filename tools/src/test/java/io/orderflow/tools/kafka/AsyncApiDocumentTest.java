package io.orderflow.tools.kafka;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.orderflow.messaging.consumer.SagaTopics;
import io.orderflow.messaging.deadletter.DeadLetters;
import io.orderflow.messaging.outbox.TraceHeaders;
import io.orderflow.schemas.Topics;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document of the saga's topics ({@code docs/asyncapi.yaml}) says what the
 * code does: one channel per saga topic and per dead-letter topic, the Avro schema each
 * topic carries, the services whose outbox writes it ({@code orderflow.outbox.topics} in
 * their {@code application.yml}), those that consume it
 * ({@link KafkaAccess#SUBSCRIPTIONS}) in their own groups, and the headers outbox-relay
 * and the dead-letter publisher set.
 * <p>
 * The official AsyncAPI JSON schema is not available to this build, so the structure the
 * specification requires is checked here for the parts the document uses (version,
 * servers, operations, references).
 */
class AsyncApiDocumentTest {

	private static final List<String> SERVICES = List.of(KafkaAccess.ORDER_SERVICE, KafkaAccess.INVENTORY_SERVICE,
			KafkaAccess.PAYMENT_SERVICE);

	private static final String AVRO_FORMAT = "application/vnd.apache.avro;version=1.9.0";

	private static final Path AVRO_DIRECTORY = AsyncApiDocument.ROOT.resolve("schemas/src/main/avro");

	private static final Pattern ID = Pattern.compile("^[\\w.\\-]+$");

	private final AsyncApiDocument document = AsyncApiDocument.load();

	@Test
	void isAnAsyncApi300DocumentWithSecuredKafkaServersAndTheRegistry() {
		assertThat(this.document.tree()).containsEntry("asyncapi", "3.0.0").containsKeys("info", "servers");
		assertThat(this.document.section("info")).containsKeys("title", "version", "description");
		Map<String, Object> servers = this.document.section("servers");
		assertThat(servers).isNotEmpty();
		servers.forEach((name, value) -> {
			Map<String, Object> server = this.document.map(value);
			assertThat(server.get("host")).as(name).asString().matches("[\\w.\\-]+:\\d+");
			assertThat(server).as(name).containsEntry("protocol", "kafka-secure");
			assertThat((List<?>) server.get("security")).as(name)
				.singleElement()
				.satisfies((scheme) -> assertThat(this.document.map(scheme)).containsEntry("type", "scramSha512"));
			assertThat(this.document.map(server, "bindings", "kafka")).as(name)
				.containsEntry("schemaRegistryVendor", "apicurio")
				.hasEntrySatisfying("schemaRegistryUrl",
						(url) -> assertThat(url).asString().matches("https?://.+/apis/ccompat/v7"));
		});
	}

	@Test
	void everyReferenceAndIdentifierIsValid() {
		this.document.localRefs().forEach(this.document::resolve);
		Stream.of("channels", "operations")
			.forEach((section) -> assertThat(this.document.section(section).keySet()).as(section)
				.allSatisfy((id) -> assertThat(id).matches(ID)));
		this.document.section("operations").forEach((id, value) -> {
			Map<String, Object> operation = this.document.map(value);
			assertThat(operation.get("action")).as(id).isIn("send", "receive");
			String channelRef = ((Map<?, ?>) operation.get("channel")).get("$ref").toString();
			assertThat(channelRef).as(id).startsWith("#/channels/");
			assertThat((List<?>) operation.get("messages")).as(id)
				.isNotEmpty()
				.allSatisfy((message) -> assertThat(((Map<?, ?>) message).get("$ref")).asString()
					.as("an operation's messages are its channel's")
					.startsWith(channelRef + "/messages/"));
		});
	}

	@Test
	void hasOneChannelPerSagaTopicAndPerDeadLetterTopicAndNoOther() {
		List<String> expected = new ArrayList<>();
		Topics.ALL.forEach((topic) -> expected.addAll(List.of(topic, Topics.deadLetter(topic))));

		assertThat(channelsByAddress().keySet()).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(this.document.section("channels")).hasSameSizeAs(expected);
	}

	@Test
	void eachChannelCarriesTheAvroSchemaPublishedOnItsTopicKeyedByOrderId() {
		channelsByAddress().forEach((address, channel) -> {
			String topic = sagaTopic(address);
			Map<String, Object> messages = this.document.map(channel, "messages");
			assertThat(messages).as(address).hasSize(1);
			Map<String, Object> message = this.document.map(messages.values().iterator().next());
			Map<String, Object> payload = this.document.map(message, "payload");
			assertThat(payload).as(address).containsEntry("schemaFormat", AVRO_FORMAT);
			Path avsc = AsyncApiDocument.FILE.getParent()
				.resolve((String) this.document.map(payload, "schema").get("$ref"))
				.normalize();
			assertThat(avsc).as(address).startsWith(AVRO_DIRECTORY).isRegularFile();
			assertThat(parseAvro(avsc).getFullName()).as(address).isEqualTo(Topics.valueSchema(topic).getFullName());
			assertThat(this.document.map(message, "bindings", "kafka", "key")).as(address)
				.containsEntry("type", "string");
		});
	}

	@Test
	void sagaTopicsAreSentByTheServicesWhoseOutboxWritesThem() {
		Map<String, Set<String>> writers = new LinkedHashMap<>();
		for (String service : SERVICES) {
			for (String topic : outboxTopics(service)) {
				writers.computeIfAbsent(topic, (t) -> new HashSet<>()).add(service);
			}
		}
		assertThat(writers.keySet()).as("every saga topic has a writer")
			.containsExactlyInAnyOrderElementsOf(Topics.ALL);
		for (String topic : Topics.ALL) {
			assertThat(services(topic, "send")).as(topic).containsExactlyInAnyOrderElementsOf(writers.get(topic));
		}
	}

	@Test
	void sagaTopicsAreReceivedByTheSubscribedServicesInTheirOwnGroups() {
		for (String topic : Topics.ALL) {
			List<String> subscribers = subscribers(topic);
			assertThat(services(topic, "receive")).as(topic).containsExactlyInAnyOrderElementsOf(subscribers);
			operations(topic, "receive").forEach((service, operation) -> assertThat(groupIds(operation)).as(topic)
				.containsExactly(service)
				.containsExactly(consumerGroup(service)));
		}
	}

	@Test
	void deadLettersAreSentByTheTopicsConsumersAndReadByTheOperatorsReplay() {
		for (String topic : Topics.ALL) {
			String dlt = Topics.deadLetter(topic);
			assertThat(services(dlt, "send")).as(dlt).containsExactlyInAnyOrderElementsOf(subscribers(topic));
			assertThat(operations(dlt, "receive")).as(dlt).containsOnlyKeys(KafkaAccess.OPS);
			assertThat(groupIds(operations(dlt, "receive").get(KafkaAccess.OPS))).as(dlt)
				.containsExactly(DeadLetters.REPLAY_GROUP);
		}
	}

	@Test
	void topicBindingsAreTheDeclaredDefaults() {
		long retention = DurationStyle.detectAndParse(SagaTopics.DEFAULT_DEAD_LETTER_RETENTION).toMillis();
		channelsByAddress().forEach((address, channel) -> {
			Map<String, Object> kafka = this.document.map(channel, "bindings", "kafka");
			assertThat(kafka).as(address).containsEntry("partitions", SagaTopics.DEFAULT_PARTITIONS);
			if (address.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
				assertThat(this.document.map(kafka, "topicConfiguration")).as(address)
					.containsEntry("retention.ms", retention);
			}
		});
	}

	@Test
	void headersAreTheOnesTheRelayAndTheDeadLetterPublisherSet() throws IOException {
		String publisher = Files.readString(AsyncApiDocument.ROOT
			.resolve("outbox-relay/src/main/java/io/orderflow/relay/outbox/BatchPublisher.java"));
		Set<String> relayHeaders = new HashSet<>();
		Matcher constants = Pattern.compile("static final String \\w+_HEADER = \"([^\"]+)\";").matcher(publisher);
		while (constants.find()) {
			relayHeaders.add(constants.group(1));
		}
		assertThat(relayHeaders).contains(TraceHeaders.TRACEPARENT).hasSizeGreaterThan(1);

		Map<String, Object> sagaHeaders = this.document.map(this.document.section("components"), "schemas",
				"SagaEventHeaders");
		Set<String> expected = new HashSet<>(relayHeaders);
		expected.add(DeadLetters.REPLAYED_FROM);
		assertThat(this.document.map(sagaHeaders, "properties").keySet()).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(asStrings((List<?>) sagaHeaders.get("required"))).isNotEmpty()
			.doesNotContain(TraceHeaders.TRACEPARENT)
			.allSatisfy((name) -> assertThat(relayHeaders).contains(name));

		List<?> deadLetterParts = (List<?>) this.document
			.map(this.document.section("components"), "schemas", "DeadLetterHeaders")
			.get("allOf");
		assertThat(this.document.resolve(deadLetterParts.get(0))).isSameAs(sagaHeaders);
		Map<String, Object> added = this.document.map(deadLetterParts.get(1));
		assertThat(this.document.map(added, "properties").keySet()).isNotEmpty()
			.allSatisfy((name) -> assertThat(springDeadLetterHeaders()).contains(name))
			.containsAll(asStrings((List<?>) added.get("required")));
		channelsByAddress().forEach((address, channel) -> {
			Map<String, Object> messages = this.document.map(channel, "messages");
			Object headers = this.document.map(messages.values().iterator().next()).get("headers");
			assertThat(this.document.resolve(headers)).as(address)
				.isSameAs(address.endsWith(Topics.DEAD_LETTER_SUFFIX)
						? this.document.map(this.document.section("components"), "schemas", "DeadLetterHeaders")
						: sagaHeaders);
		});
	}

	private Map<String, Map<String, Object>> channelsByAddress() {
		Map<String, Map<String, Object>> channels = new LinkedHashMap<>();
		this.document.section("channels").forEach((id, value) -> {
			Map<String, Object> channel = this.document.map(value);
			String address = (String) channel.get("address");
			assertThat(channels.put(address, channel)).as("a second channel for " + address).isNull();
		});
		return channels;
	}

	/**
	 * The operations of one action on a topic's channel, by the service they belong to.
	 */
	private Map<String, Map<String, Object>> operations(String address, String action) {
		Map<String, Object> channel = channelsByAddress().get(address);
		assertThat(channel).as(address).isNotNull();
		Map<String, Map<String, Object>> operations = new LinkedHashMap<>();
		this.document.section("operations").forEach((id, value) -> {
			Map<String, Object> operation = this.document.map(value);
			if (action.equals(operation.get("action")) && this.document.map(operation.get("channel")) == channel) {
				assertThat(operations.put(service(id, operation), operation)).as(id + ": a second one").isNull();
			}
		});
		return operations;
	}

	private Set<String> services(String address, String action) {
		return operations(address, action).keySet();
	}

	/** An operation's one tag, which names the principal doing it. */
	private String service(String id, Map<String, Object> operation) {
		List<?> tags = (List<?>) operation.get("tags");
		assertThat(tags).as(id + " tags").hasSize(1);
		String service = (String) this.document.map(tags.get(0)).get("name");
		assertThat(service).as(id).isIn(KafkaAccess.PRINCIPALS);
		return service;
	}

	private List<String> groupIds(Map<String, Object> operation) {
		return asStrings((List<?>) this.document.map(operation, "bindings", "kafka", "groupId").get("enum"));
	}

	private static List<String> subscribers(String topic) {
		return KafkaAccess.SUBSCRIPTIONS.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().contains(topic))
			.map(Map.Entry::getKey)
			.toList();
	}

	private static String sagaTopic(String address) {
		return address.endsWith(Topics.DEAD_LETTER_SUFFIX)
				? address.substring(0, address.length() - Topics.DEAD_LETTER_SUFFIX.length()) : address;
	}

	/** Parsed as the build generates it: the shared Money record known first. */
	private static Schema parseAvro(Path avsc) {
		try {
			Schema.Parser parser = new Schema.Parser();
			if (!avsc.getFileName().toString().equals("Money.avsc")) {
				parser.parse(AVRO_DIRECTORY.resolve("Money.avsc").toFile());
			}
			return parser.parse(avsc.toFile());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + avsc, ex);
		}
	}

	private static Map<String, Object> serviceConfiguration(String service) {
		return AsyncApiDocument.yaml(AsyncApiDocument.ROOT.resolve(service + "/src/main/resources/application.yml"));
	}

	/** {@code orderflow.outbox.topics}: a comma-separated list or a YAML sequence. */
	private static List<String> outboxTopics(String service) {
		Object topics = property(serviceConfiguration(service), "orderflow", "outbox", "topics");
		if (topics instanceof List<?> list) {
			return asStrings(list);
		}
		return Arrays.stream(String.valueOf(topics).split(",")).map(String::trim).toList();
	}

	private static String consumerGroup(String service) {
		return String.valueOf(property(serviceConfiguration(service), "spring", "kafka", "consumer", "group-id"));
	}

	private static Object property(Map<?, ?> configuration, String... path) {
		Object current = configuration;
		for (String key : path) {
			assertThat(current).as(String.join(".", path)).isInstanceOf(Map.class);
			current = ((Map<?, ?>) current).get(key);
		}
		assertThat(current).as(String.join(".", path)).isNotNull();
		return current;
	}

	/** The headers Spring Kafka's dead-letter publisher may add ({@code kafka_dlt-*}). */
	private static Set<String> springDeadLetterHeaders() {
		Set<String> names = new HashSet<>();
		for (Field field : KafkaHeaders.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				try {
					String name = (String) field.get(null);
					if (name.startsWith("kafka_dlt-")) {
						names.add(name);
					}
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return names;
	}

	private static List<String> asStrings(List<?> values) {
		return values.stream().map(String::valueOf).toList();
	}

}
