package io.orderflow.messaging.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.messaging.consumer.ConsumerProperties;
import io.orderflow.messaging.consumer.EventSchemaUnavailableException;
import io.orderflow.messaging.consumer.NonRetryableEventException;
import io.orderflow.messaging.consumer.SagaTopics;
import io.orderflow.messaging.outbox.OutboxSchemaUnavailableException;
import io.orderflow.schemas.Topics;
import io.orderflow.service.TransientFailures;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The error handling every listener gets (Spring Boot applies the
 * {@link DefaultErrorHandler} bean to the auto-configured listener container factory),
 * the suite's failure policy in one place:
 * <ul>
 * <li><b>transient</b> ({@link TransientFailures}: the database, the registry or another
 * dependency down or busy, lock timeouts, deadlocks): retried with exponential backoff
 * for as long as it lasts, never dead-lettered. The partition waits, its lag grows and
 * the lag alert fires; each failed delivery counts in {@value #RETRIES};</li>
 * <li><b>permanent</b> ({@link NonRetryableEventException}, an undecodable record, a
 * command the domain refuses for good): to {@code <topic>.dlt} at once;</li>
 * <li>anything else (a failure nobody classified, e.g. a bug): retried
 * {@code orderflow.consumer.max-retries} times with the same backoff, then dead-lettered,
 * so that one record cannot hold its partition forever.</li>
 * </ul>
 * A dead letter goes to the same partition of {@code <topic>.dlt}, with the original key,
 * value bytes and headers (the container delivers values undecoded, see
 * {@code EventDecoder}) plus the exception headers, and the partition keeps flowing.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

	/** Records sent to a dead-letter topic, by source topic. */
	static final String DEAD_LETTERS = "orderflow.dead.letters";

	/** Failed deliveries that will be retried, by topic and kind of failure. */
	static final String RETRIES = "orderflow.events.retries";

	@Bean
	DefaultErrorHandler kafkaErrorHandler(DeadLetterProducer deadLetterProducer, ConsumerProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(deadLetterProducer.template(),
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
		ExponentialBackOffWithMaxRetries bounded = new ExponentialBackOffWithMaxRetries(properties.maxRetries());
		bounded.setInitialInterval(properties.initialInterval().toMillis());
		bounded.setMultiplier(properties.multiplier());
		bounded.setMaxInterval(properties.maxInterval().toMillis());
		ExponentialBackOff unbounded = new ExponentialBackOff(properties.initialInterval().toMillis(),
				properties.multiplier());
		unbounded.setMaxInterval(properties.maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			publisher.accept(record, recordFailure(ex));
			meters.ifAvailable((registry) -> registry.counter(DEAD_LETTERS, "topic", record.topic()).increment());
		}, bounded);
		classify(handler);
		handler.setBackOffFunction((record, ex) -> TransientFailures.isTransient(ex) ? unbounded : null);
		meters.ifAvailable((registry) -> handler.setRetryListeners(new RetryListener() {

			@Override
			public void failedDelivery(ConsumerRecord<?, ?> record, @Nullable Exception ex, int deliveryAttempt) {
				retries(registry, record.topic(), TransientFailures.isTransient(ex)).increment();
			}

		}));
		// every topic's series exists from the start: dashboards and alerts see 0, not
		// nothing
		meters.ifAvailable((registry) -> Topics.ALL.forEach((topic) -> {
			registry.counter(DEAD_LETTERS, "topic", topic);
			retries(registry, topic, true);
			retries(registry, topic, false);
		}));
		// with manual acknowledgment, the offset of a dead-lettered record must still be
		// committed
		handler.setCommitRecovered(true);
		return handler;
	}

	private static Counter retries(MeterRegistry registry, String topic, boolean transientFailure) {
		return Counter.builder(RETRIES)
			.description("Failed deliveries of records that are retried: transient failures without a cap, "
					+ "unclassified ones up to orderflow.consumer.max-retries")
			.tag("topic", topic)
			.tag("failure", transientFailure ? "transient" : "unclassified")
			.register(registry);
	}

	/**
	 * The one place that decides what a failure means. A record that can never succeed
	 * goes to the dead-letter topic at once: it breaks the contract
	 * ({@link NonRetryableEventException}, which the pipeline also throws for a value it
	 * cannot decode; Spring Kafka adds deserialization and conversion failures itself),
	 * or the domain refuses its command for good ({@link IllegalArgumentException}, e.g.
	 * an outcome for an order that does not exist) or cannot compute it
	 * ({@link ArithmeticException}, e.g. a refund that takes a balance beyond a
	 * {@code long}). A dependency that fails (database down, lock timeout, deadlock, the
	 * registry not reached) is transient: classifying those types retryable explicitly
	 * also ends the search through the causes, so a transient failure is never
	 * dead-lettered because of what it wraps; the back-off function then retries every
	 * transient failure ({@link TransientFailures}) without a cap. Everything else is
	 * retried with the bounded backoff, then dead-lettered.
	 * @param handler the error handler to configure
	 */
	static void classify(DefaultErrorHandler handler) {
		handler.addNotRetryableExceptions(NonRetryableEventException.class, IllegalArgumentException.class,
				ArithmeticException.class);
		handler.addRetryableExceptions(TransientDataAccessException.class, RecoverableDataAccessException.class,
				DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
				OutboxSchemaUnavailableException.class, EventSchemaUnavailableException.class);
	}

	/**
	 * What made a record fail: for a record of a batch, the cause the pipeline named it
	 * with, not the {@link BatchListenerFailedException} that carried it (a dead letter's
	 * exception headers tell why the record failed).
	 * @param ex what the error handler received
	 * @return the record's own failure
	 */
	static Exception recordFailure(Exception ex) {
		Throwable failure = ex;
		if (failure instanceof ListenerExecutionFailedException && failure.getCause() != null) {
			failure = failure.getCause();
		}
		if (failure instanceof BatchListenerFailedException && failure.getCause() instanceof Exception cause) {
			return cause;
		}
		return ex;
	}

	/**
	 * Writes dead letters: the record's original key and value bytes. Not a
	 * {@link KafkaTemplate} bean, so that Spring Boot's own template and producer factory
	 * stay as they are.
	 */
	@Bean(destroyMethod = "close")
	DeadLetterProducer deadLetterProducer(KafkaProperties kafka) {
		Map<String, Object> config = new LinkedHashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		Map<Class<?>, Serializer<?>> keys = new LinkedHashMap<>();
		keys.put(byte[].class, new ByteArraySerializer());
		keys.put(String.class, new StringSerializer());
		return new DeadLetterProducer(new DefaultKafkaProducerFactory<>(config,
				new DelegatingByTypeSerializer(keys, true), new ByteArraySerializer()));
	}

	/** The dead-letter producer and its factory, closed with the context. */
	record DeadLetterProducer(DefaultKafkaProducerFactory<Object, byte[]> factory) {

		KafkaTemplate<Object, byte[]> template() {
			return new KafkaTemplate<>(this.factory);
		}

		void close() {
			this.factory.destroy();
		}

	}

	/**
	 * Declares every saga topic and its dead-letter topic (same partition count, so a
	 * dead letter keeps its partition). A dead-letter topic keeps its records
	 * {@code orderflow.consumer.dead-letter-retention} (28 days by default, not the
	 * broker's 7): long enough for an operator to find the cause and replay. With
	 * {@code spring.kafka.admin.modify-topic-configs} (on in the suite's defaults), a
	 * topic that exists with another retention is altered at startup.
	 */
	@Bean
	KafkaAdmin.NewTopics sagaTopics(ConsumerProperties properties) {
		return new KafkaAdmin.NewTopics(SagaTopics
			.declarations(properties.topicPartitions(), properties.topicReplicas(), properties.deadLetterRetention())
			.toArray(NewTopic[]::new));
	}

}
