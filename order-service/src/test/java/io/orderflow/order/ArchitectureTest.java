package io.orderflow.order;

import java.util.stream.Stream;

import io.orderflow.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * order-service follows the suite's architecture rules ({@link ServiceArchitecture}).
 */
class ArchitectureTest {

	@TestFactory
	Stream<DynamicTest> followsTheSuiteArchitecture() {
		return ServiceArchitecture.tests("io.orderflow.order");
	}

}
