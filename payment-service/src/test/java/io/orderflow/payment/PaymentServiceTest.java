package io.orderflow.payment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.orderflow.payment.messaging.PaymentDatabase;
import io.orderflow.testsupport.RealInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole payment-service against the real broker, registry and a PostgreSQL database
 * of the test class, with short retry backoff. The context is closed after the class, so
 * that its listeners do not consume the records of later test classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "orderflow.consumer.initial-interval=50ms", "orderflow.consumer.max-retries=2" })
@RealInfrastructure
@DirtiesContext
@Import(PaymentDatabase.class)
public @interface PaymentServiceTest {

}
