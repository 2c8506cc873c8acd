package io.orderflow.benchmark.peers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the peers (outside the relay's packages: its application scans those), each in a context of its own on a database of its own, publishing
 * through a producer with the relay's settings (but each peer's best linger) to the same
 * broker.
 */
public final class Peers {

	/**
	 * Spring Modulith's auto-configurations: kept out of every context but its own (the
	 * relay's and Namastack's), as Namastack's are ({@code namastack.outbox.enabled}).
	 */
	public static final String MODULITH_AUTO_CONFIGURATIONS = String.join(",",
			"org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
			"org.springframework.modulith.events.config.EventExternalizationAutoConfiguration",
			"org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration",
			"org.springframework.modulith.events.kafka.KafkaEventExternalizerConfiguration",
			"org.springframework.modulith.events.kafka.KafkaJackson2Configuration",
			"org.springframework.modulith.events.kafka.KafkaJacksonConfiguration");

	/** Our own auto-configuration the benchmark leaves out everywhere (no consumers). */
	public static final String MESSAGING_AUTO_CONFIGURATION = "io.orderflow.messaging.config.MessagingAutoConfiguration";

	private Peers() {
	}

	/**
	 * @param names peers by name ({@code Modulith}, {@code Namastack}), comma-separated;
	 * empty for none
	 * @return those peers, in the order of the report
	 */
	public static List<Class<?>> named(String names) {
		List<String> wanted = Arrays.stream(names.split(",")).map(String::trim).filter((name) -> !name.isEmpty()).toList();
		List<Class<?>> peers = new ArrayList<>();
		for (Class<?> peer : List.of(ModulithPeer.class, NamastackPeer.class)) {
			if (wanted.contains(name(peer))) {
				peers.add(peer);
			}
		}
		return peers;
	}

	/** @return the peer's name in the report */
	public static String name(Class<?> peer) {
		return peer.getSimpleName().replace("Peer", "");
	}

	/**
	 * @param peer {@link ModulithPeer} or {@link NamastackPeer}
	 * @param database JDBC URL of an empty database
	 * @param producer the Kafka producer's settings (the plain producer's: the relay's)
	 * @return the running context; its {@link PeerOutbox} drives it
	 */
	public static ConfigurableApplicationContext start(Class<?> peer, String database, String username,
			String password, Map<String, Object> producer) {
		Map<String, String> settings = new LinkedHashMap<>();
		// not the relay's application.yml, which is on the classpath too
		settings.put("spring.config.name", "benchmark-peer");
		settings.put("spring.main.web-application-type", "none");
		// the suite's defaults (platform/service) name health contributors of a service
		settings.put("management.endpoint.health.validate-group-membership", "false");
		settings.put("spring.main.banner-mode", "off");
		settings.put("spring.datasource.url", database);
		settings.put("spring.datasource.username", username);
		settings.put("spring.datasource.password", password);
		// the relay's producer, as the plain producer has it (each peer's linger below);
		// the servers also as Spring Boot's own setting, which would otherwise override them
		settings.put("spring.kafka.bootstrap-servers",
				String.valueOf(producer.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)));
		producer.forEach((name, value) -> settings.put("spring.kafka.producer.properties." + name,
				(value instanceof Class<?> type) ? type.getName() : String.valueOf(value)));
		settings.put("logging.level.org.apache.kafka", "WARN");
		settings.put("logging.level.kafka", "WARN");
		settings.put("logging.level.state.change.logger", "WARN");
		String exclusions = MESSAGING_AUTO_CONFIGURATION;
		if (peer == ModulithPeer.class) {
			settings.putAll(ModulithPeer.PROPERTIES);
		}
		else if (peer == NamastackPeer.class) {
			settings.putAll(NamastackPeer.PROPERTIES);
			exclusions += "," + MODULITH_AUTO_CONFIGURATIONS;
		}
		else {
			throw new IllegalArgumentException("not a peer: " + peer);
		}
		settings.put("spring.autoconfigure.exclude", exclusions);
		List<String> arguments = new ArrayList<>();
		settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		return new SpringApplicationBuilder(peer).run(arguments.toArray(String[]::new));
	}

}
