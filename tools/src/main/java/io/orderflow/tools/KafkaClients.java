package io.orderflow.tools;

import java.util.HashMap;
import java.util.Map;

import io.orderflow.service.kafka.KafkaClientSecurity;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The tools' Kafka connection: the brokers given, and the principal of
 * {@code ORDERFLOW_KAFKA_USERNAME} (with {@code ORDERFLOW_KAFKA_PASSWORD[_FILE]} and
 * {@code ORDERFLOW_KAFKA_TRUSTED_CERTIFICATES}) over SASL_SSL when it is set, which
 * {@code ./orderflow} sets to {@code orderflow-ops} on a secured stack; plain text
 * otherwise.
 */
public final class KafkaClients {

	private KafkaClients() {
	}

	/**
	 * @param bootstrapServers the brokers
	 * @param settings the client's own settings, as name-value pairs
	 * @return a client configuration with the connection's security
	 */
	public static Map<String, Object> config(String bootstrapServers, Object... settings) {
		Map<String, Object> config = new HashMap<>(
				KafkaClientSecurity.clientProperties(KafkaClientSecurity.fromEnvironmentVariables()));
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		for (int i = 0; i < settings.length; i += 2) {
			config.put((String) settings[i], settings[i + 1]);
		}
		return config;
	}

}
