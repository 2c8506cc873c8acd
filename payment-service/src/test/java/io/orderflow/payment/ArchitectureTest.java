package io.orderflow.payment;

import java.util.stream.Stream;

import io.orderflow.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * payment-service follows the suite's architecture rules ({@link ServiceArchitecture}),
 * and its accounts know nothing of payments.
 */
class ArchitectureTest {

	@TestFactory
	Stream<DynamicTest> followsTheSuiteArchitecture() {
		return ServiceArchitecture.tests("io.orderflow.payment");
	}

	@Test
	void accountsKnowNothingOfPayments() {
		noClasses().that()
			.resideInAPackage("io.orderflow.payment.account..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.payment.charge..")
			.check(ServiceArchitecture.importMain("io.orderflow.payment"));
	}

}
