package io.orderflow.service.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Turns a service's Kafka principal ({@link KafkaClientSecurity}:
 * {@code ORDERFLOW_KAFKA_USERNAME}, its password and the brokers' certificate
 * authorities) into Spring Boot's Kafka properties, so that every client Spring Boot
 * builds (listeners, the dead-letter producer, the relay's producer, admin clients and
 * health checks) connects with SASL_SSL as that principal. Also turns off the declaration
 * of topics at startup ({@code spring.kafka.admin.auto-create}): on secured brokers the
 * topics and their settings are the operator's (the suite's Kafka setup), and no service
 * may create or alter them.
 * <p>
 * The properties are added just above the suite's defaults: anything the service, its
 * environment or its command line says about {@code spring.kafka.*} wins.
 */
public class KafkaSecurityEnvironment implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source (as shown in origins). */
	public static final String NAME = "orderflowKafkaSecurity";

	/** The property source this one goes above, when present. */
	private static final String DEFAULTS = "orderflowDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MutablePropertySources sources = environment.getPropertySources();
		if (sources.contains(NAME)) {
			return;
		}
		Optional<KafkaClientSecurity> security = KafkaClientSecurity.from(environment::getProperty);
		if (security.isEmpty()) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		security.get()
			.clientProperties()
			.forEach((name, value) -> properties.put("spring.kafka.properties." + name, value));
		properties.put("spring.kafka.admin.auto-create", "false");
		MapPropertySource source = new MapPropertySource(NAME, properties);
		if (sources.contains(DEFAULTS)) {
			sources.addBefore(DEFAULTS, source);
		}
		else {
			sources.addLast(source);
		}
	}

	@Override
	public int getOrder() {
		// after the defaults (ConfigDataEnvironmentPostProcessor.ORDER + 1) are in place
		return ConfigDataEnvironmentPostProcessor.ORDER + 2;
	}

}
