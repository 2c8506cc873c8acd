package io.orderflow.inventory.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.orderflow.testsupport.RealInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole service against the real broker, registry and a PostgreSQL database of the
 * test class's own, with short consumer retries. The context is closed after the class,
 * so that its listeners do not consume the records of later test classes (every class has
 * its own consumer group on the same topics).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "orderflow.consumer.initial-interval=50ms", "orderflow.consumer.max-interval=200ms",
		"orderflow.consumer.max-retries=2" })
@RealInfrastructure
@DirtiesContext
@interface InventoryIntegrationTest {

}
