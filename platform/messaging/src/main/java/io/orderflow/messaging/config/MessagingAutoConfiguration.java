package io.orderflow.messaging.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.messaging.consumer.ConsumerProperties;
import io.orderflow.messaging.consumer.EventDecoder;
import io.orderflow.messaging.consumer.EventPipeline;
import io.orderflow.messaging.consumer.JpaRecordBoundary;
import io.orderflow.messaging.consumer.ListenerContainersHealthIndicator;
import io.orderflow.messaging.consumer.ProcessedEvents;
import io.orderflow.messaging.consumer.RecordBoundary;
import io.orderflow.messaging.deadletter.DeadLetters;
import io.orderflow.messaging.metrics.LegacyTopicMetricsFilter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.orderflow.messaging.outbox.OutboxProperties;
import io.orderflow.messaging.outbox.OutboxSchemas;
import io.orderflow.messaging.outbox.OutboxSchemasHealthIndicator;
import io.orderflow.messaging.outbox.OutboxWriter;
import io.orderflow.messaging.outbox.TraceHeaders;
import io.orderflow.messaging.serde.AvroSerdeSettings;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import io.orderflow.service.health.KafkaHealthIndicator;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Messaging conventions shared by every service.
 * <ul>
 * <li>Consumers: string keys (the order id, deserialization wrapped in
 * {@link ErrorHandlingDeserializer} so that a poison key reaches the error handler
 * instead of failing inside {@code poll()} forever), values delivered as bytes and read
 * through the registry into the generated classes by the {@link EventPipeline}'s
 * {@link EventDecoder}, so that a dead letter keeps the original bytes.</li>
 * <li>Producers of outbox rows: an {@link OutboxWriter} that serializes through the
 * registry in the caller's transaction.</li>
 * </ul>
 */
@AutoConfiguration(
		after = { DataSourceAutoConfiguration.class, JdbcClientAutoConfiguration.class, KafkaAutoConfiguration.class },
		afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@EnableConfigurationProperties({ SchemaRegistryProperties.class, ConsumerProperties.class, OutboxProperties.class })
@Import(ConsumerConfiguration.class)
public class MessagingAutoConfiguration {

	@Bean
	DefaultKafkaConsumerFactoryCustomizer consumerFactoryCustomizer() {
		return (factory) -> {
			Map<String, Object> config = new HashMap<>();
			config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
			config.put(ErrorHandlingDeserializer.KEY_DESERIALIZER_CLASS, StringDeserializer.class);
			// values are decoded by the pipeline (EventDecoder): a dead letter keeps the
			// bytes as they were on the topic, and a registry outage is told apart from
			// bytes that can never be read. Reading bytes cannot fail inside poll()
			config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
			factory.updateConfigs(config);
		};
	}

	@Bean
	@ConditionalOnMissingBean
	DeadLetters deadLetters(KafkaProperties kafka) {
		return new DeadLetters(kafka.buildAdminProperties());
	}

	@Bean
	@ConditionalOnBean(KafkaListenerEndpointRegistry.class)
	@ConditionalOnClass(HealthIndicator.class)
	ListenerContainersHealthIndicator kafkaListenersHealthIndicator(KafkaListenerEndpointRegistry registry) {
		return new ListenerContainersHealthIndicator(registry);
	}

	@Bean
	@ConditionalOnClass(MeterFilter.class)
	LegacyTopicMetricsFilter legacyTopicMetricsFilter() {
		return new LegacyTopicMetricsFilter();
	}

	/**
	 * Contributes {@code kafka} to {@code /actuator/health} (and, through
	 * {@code application.yml}, to the readiness group).
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnProperty(name = "management.health.kafka.enabled", matchIfMissing = true)
	KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
		Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, "orderflow-health");
		return new KafkaHealthIndicator(Admin.create(config), Duration.ofSeconds(3));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(JdbcClient.class)
	static class OutboxConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		AvroKafkaSerializer<SpecificRecord> outboxPayloadSerializer(SchemaRegistryProperties registry) {
			AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
			serializer.configure(AvroSerdeSettings.serializer(registry), false);
			return serializer;
		}

		@Bean
		@ConditionalOnMissingBean
		OutboxSchemas outboxSchemas(AvroKafkaSerializer<SpecificRecord> outboxPayloadSerializer,
				OutboxProperties outbox) {
			return new OutboxSchemas(outboxPayloadSerializer, outbox.topics());
		}

		/**
		 * Every listener container waits for the outbox's schemas: created paused, it is
		 * resumed once they are resolved, which is before it starts unless the registry
		 * did not answer when the service started. A record is not taken before its
		 * effects can be written. (Spring Boot applies this customizer to the containers
		 * of its listener container factory.)
		 */
		@Bean
		ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> outboxSchemasListenerGate(
				OutboxSchemas outboxSchemas) {
			return (container) -> {
				container.pause();
				outboxSchemas.whenResolved(container::resume);
			};
		}

		/**
		 * Contributes {@code outboxSchemas} to {@code /actuator/health} and to the
		 * readiness group.
		 */
		@Bean
		@ConditionalOnClass(HealthIndicator.class)
		OutboxSchemasHealthIndicator outboxSchemasHealthIndicator(OutboxSchemas outboxSchemas) {
			return new OutboxSchemasHealthIndicator(outboxSchemas);
		}

		@Bean
		@ConditionalOnMissingBean
		ProcessedEvents processedEvents(JdbcClient jdbc) {
			return new ProcessedEvents(jdbc);
		}

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		EventDecoder eventDecoder(SchemaRegistryProperties registry) {
			AvroKafkaDeserializer<Object> deserializer = new AvroKafkaDeserializer<>();
			deserializer.configure(AvroSerdeSettings.deserializer(registry), false);
			return new EventDecoder(deserializer);
		}

		@Bean
		@ConditionalOnMissingBean
		EventPipeline eventPipeline(ProcessedEvents processedEvents, PlatformTransactionManager transactionManager,
				ObjectProvider<MeterRegistry> meters, ObjectProvider<RecordBoundary> recordBoundary,
				EventDecoder eventDecoder) {
			return new EventPipeline(processedEvents, transactionManager,
					meters.getIfAvailable(SimpleMeterRegistry::new),
					recordBoundary.getIfAvailable(() -> RecordBoundary.NONE), eventDecoder);
		}

	}

	/**
	 * With JPA, the consumer pipeline flushes and clears the transaction's persistence
	 * context after each record of a batch: the dirty check of a record's flush sees that
	 * record's entities only, not every entity the batch loaded so far.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "jakarta.persistence.EntityManagerFactory")
	@ConditionalOnBean(type = "jakarta.persistence.EntityManagerFactory")
	static class JpaRecordBoundaryConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RecordBoundary jpaRecordBoundary(EntityManagerFactory entityManagerFactory) {
			return new JpaRecordBoundary(entityManagerFactory);
		}

		@Bean
		@ConditionalOnMissingBean
		TraceHeaders traceHeaders() {
			return new TraceHeaders();
		}

		@Bean
		@ConditionalOnMissingBean
		OutboxWriter outboxWriter(JdbcClient jdbc, AvroKafkaSerializer<SpecificRecord> outboxPayloadSerializer,
				TraceHeaders traceHeaders, OutboxSchemas outboxSchemas) {
			return new OutboxWriter(jdbc, outboxPayloadSerializer, traceHeaders, outboxSchemas);
		}

	}

}
