/**
 * How the suite's Kafka clients authenticate to secured brokers: one SCRAM principal per
 * service over TLS ({@link io.orderflow.service.kafka.KafkaClientSecurity}), applied to
 * Spring Boot's Kafka properties
 * ({@link io.orderflow.service.kafka.KafkaSecurityEnvironment}).
 */
@NullMarked
package io.orderflow.service.kafka;

import org.jspecify.annotations.NullMarked;
