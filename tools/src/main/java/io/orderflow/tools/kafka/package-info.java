/**
 * The suite's Kafka security as data and as a setup step: which principal may do what
 * ({@link io.orderflow.tools.kafka.KafkaAccess}) and the command that applies it to
 * running brokers ({@link io.orderflow.tools.kafka.KafkaSetup}).
 */
@NullMarked
package io.orderflow.tools.kafka;

import org.jspecify.annotations.NullMarked;
