package io.orderflow.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Runs a Spring test against real infrastructure: the JVM's Kafka broker
 * ({@link KafkaBroker}), a fresh PostgreSQL database for this test class
 * ({@link PostgresServer}) and the JVM's schema registry ({@link SchemaRegistryServer}).
 * <p>
 * Sets {@code spring.datasource.url/username/password},
 * {@code spring.kafka.bootstrap-servers} and {@code orderflow.schema-registry.url} (base
 * URL) ahead of every other property source. Each test class gets an application context
 * and a database of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(RealInfrastructureContextCustomizerFactory.class)
public @interface RealInfrastructure {

	/**
	 * @return whether to create a database for the test class (false for tests that need
	 * only Kafka)
	 */
	boolean database() default true;

}
