package io.orderflow.payment;

import java.util.stream.Stream;

import io.orderflow.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * payment-service follows the suite's architecture rules ({@link ServiceArchitecture}),
 * and its accounts know nothing of payments.
 */
class ArchitectureTest {

	@TestFactory
	Stream<DynamicTest> followsTheSuiteArchitecture() {
		return ServiceArchitecture.tests("io.orderflow.payment",
				ServiceArchitecture.doesNotDependOn("io.orderflow.payment.account", "io.orderflow.payment.charge"));
	}

}
