package io.orderflow.relay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Outbox relay: publishes the outbox rows of every configured service database to Kafka.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OutboxRelayApplication {

	public static void main(String[] args) {
		SpringApplication.run(OutboxRelayApplication.class, args);
	}

}
