package io.orderflow.messaging.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.messaging.consumer.ConsumerProperties;
import io.orderflow.messaging.consumer.NonRetryableEventException;
import io.orderflow.messaging.outbox.OutboxSchemaUnavailableException;
import io.orderflow.messaging.serde.AvroSerdeSettings;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import io.orderflow.schemas.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The error handling every listener gets (Spring Boot applies the
 * {@link DefaultErrorHandler} bean to the auto-configured listener container factory):
 * bounded exponential backoff for transient failures, no retry for records that can never
 * succeed ({@link NonRetryableEventException}, deserialization failures, which Spring
 * Kafka classifies as fatal already), then the record goes to {@code <topic>.dlt}, same
 * partition, with its original key and value and the exception headers, and the partition
 * keeps flowing.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

	/** Records sent to a dead-letter topic, by source topic. */
	static final String DEAD_LETTERS = "orderflow.dead.letters";

	@Bean
	DefaultErrorHandler kafkaErrorHandler(DeadLetterProducer deadLetterProducer, ConsumerProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(deadLetterProducer.template(),
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.maxRetries());
		backOff.setInitialInterval(properties.initialInterval().toMillis());
		backOff.setMultiplier(properties.multiplier());
		backOff.setMaxInterval(properties.maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			publisher.accept(record, recordFailure(ex));
			meters.ifAvailable((registry) -> registry.counter(DEAD_LETTERS, "topic", record.topic()).increment());
		}, backOff);
		classify(handler);
		// every topic's series exists from the start: dashboards and alerts see 0, not
		// nothing
		meters.ifAvailable((registry) -> Topics.ALL.forEach((topic) -> registry.counter(DEAD_LETTERS, "topic", topic)));
		// with manual acknowledgment, the offset of a dead-lettered record must still be
		// committed
		handler.setCommitRecovered(true);
		return handler;
	}

	/**
	 * The one place that decides what a failure means. A record that can never succeed
	 * goes to the dead-letter topic at once: it breaks the contract
	 * ({@link NonRetryableEventException}; Spring Kafka adds deserialization and
	 * conversion failures itself), or the domain refuses its command for good
	 * ({@link IllegalArgumentException}, e.g. an outcome for an order that does not
	 * exist) or cannot compute it ({@link ArithmeticException}, e.g. prices times
	 * quantities beyond a {@code long}). A dependency that fails (database down, lock
	 * timeout, deadlock, the registry not reached since the start) is transient and
	 * retried; classifying it explicitly also ends the search through the causes, so a
	 * transient failure is never dead-lettered because of what it wraps. Everything else
	 * is retried with the backoff, then dead-lettered.
	 * @param handler the error handler to configure
	 */
	static void classify(DefaultErrorHandler handler) {
		handler.addNotRetryableExceptions(NonRetryableEventException.class, IllegalArgumentException.class,
				ArithmeticException.class);
		handler.addRetryableExceptions(TransientDataAccessException.class, RecoverableDataAccessException.class,
				DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
				OutboxSchemaUnavailableException.class);
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
	 * Writes dead letters: the raw bytes of records that could not be deserialized, or
	 * the deserialized Avro record (serialized again to the same wire format) of records
	 * whose processing failed. Not a {@link KafkaTemplate} bean, so that Spring Boot's
	 * own template and producer factory stay as they are.
	 */
	@Bean(destroyMethod = "close")
	DeadLetterProducer deadLetterProducer(KafkaProperties kafka, SchemaRegistryProperties registry) {
		Map<String, Object> config = new LinkedHashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		// the factory configures the serializers with the producer properties: the serde
		// settings go there
		config.putAll(AvroSerdeSettings.serializer(registry));
		AvroKafkaSerializer<SpecificRecord> avro = new AvroKafkaSerializer<>();
		Map<Class<?>, Serializer<?>> values = new LinkedHashMap<>();
		values.put(byte[].class, new ByteArraySerializer());
		values.put(SpecificRecord.class, avro);
		Map<Class<?>, Serializer<?>> keys = new LinkedHashMap<>();
		keys.put(byte[].class, new ByteArraySerializer());
		keys.put(String.class, new StringSerializer());
		return new DeadLetterProducer(new DefaultKafkaProducerFactory<>(config,
				new DelegatingByTypeSerializer(keys, true), new DelegatingByTypeSerializer(values, true)));
	}

	/** The dead-letter producer and its factory, closed with the context. */
	record DeadLetterProducer(DefaultKafkaProducerFactory<Object, Object> factory) {

		KafkaTemplate<Object, Object> template() {
			return new KafkaTemplate<>(this.factory);
		}

		void close() {
			this.factory.destroy();
		}

	}

	/**
	 * Declares every saga topic and its dead-letter topic (same partition count, so a
	 * dead letter keeps its partition).
	 */
	@Bean
	KafkaAdmin.NewTopics sagaTopics(ConsumerProperties properties) {
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : Topics.ALL) {
			for (String name : List.of(topic, Topics.deadLetter(topic))) {
				topics.add(TopicBuilder.name(name)
					.partitions(properties.topicPartitions())
					.replicas(properties.topicReplicas())
					.build());
			}
		}
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

}
