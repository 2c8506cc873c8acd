package io.orderflow.relay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Outbox relay: publishes the outbox rows of every configured service database to Kafka.
 * <p>
 * The relay has no database of its own: it connects to each source database itself
 * ({@code orderflow.relay.sources}), so Spring Boot's single {@code DataSource} is never
 * auto-configured, even where {@code spring-boot-jdbc} is on the classpath (in tests,
 * through the messaging module).
 */
@SpringBootApplication(excludeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConfigurationPropertiesScan
public class OutboxRelayApplication {

	public static void main(String[] args) {
		SpringApplication.run(OutboxRelayApplication.class, args);
	}

}
