package io.orderflow.relay.outbox;

import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The test-side world of a relay test: the service database the relay reads (migrated
 * before any relay starts) and the broker's topics. Deliberately not a
 * {@code @Configuration}: the relay contexts that tests start themselves scan this
 * package and must not pick it up.
 */
class OutboxFixtures {

	@Bean(destroyMethod = "close")
	OutboxDatabase outboxDatabase(Environment environment) {
		return OutboxDatabase.of(environment);
	}

	@Bean(destroyMethod = "close")
	KafkaTopics kafkaTopics(Environment environment) {
		return KafkaTopics.of(environment);
	}

}
