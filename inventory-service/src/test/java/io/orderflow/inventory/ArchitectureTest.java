package io.orderflow.inventory;

import java.util.stream.Stream;

import io.orderflow.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * inventory-service follows the suite's architecture rules ({@link ServiceArchitecture}),
 * and its catalogue stands on its own.
 */
class ArchitectureTest {

	@TestFactory
	Stream<DynamicTest> followsTheSuiteArchitecture() {
		return ServiceArchitecture.tests("io.orderflow.inventory");
	}

	@Test
	void theCatalogueDoesNotDependOnReservations() {
		noClasses().that()
			.resideInAPackage("io.orderflow.inventory.product..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.inventory.reservation..")
			.check(ServiceArchitecture.importMain("io.orderflow.inventory"));
	}

}
