package io.orderflow.inventory;

import java.util.stream.Stream;

import io.orderflow.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * inventory-service follows the suite's architecture rules ({@link ServiceArchitecture}),
 * and its catalogue stands on its own.
 */
class ArchitectureTest {

	@TestFactory
	Stream<DynamicTest> followsTheSuiteArchitecture() {
		return ServiceArchitecture.tests("io.orderflow.inventory", ServiceArchitecture
			.doesNotDependOn("io.orderflow.inventory.product", "io.orderflow.inventory.reservation"));
	}

}
