package io.orderflow.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The real authorization server on a random port, its management server on another, with
 * the test secrets of {@link TestServer}; one context for every class so annotated.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "orderflow.auth.demo-password=" + TestServer.DEMO_PASSWORD,
				"orderflow.auth.ops-secret=" + TestServer.OPS_SECRET, "management.server.port=0" })
public @interface AuthServerTest {

}
