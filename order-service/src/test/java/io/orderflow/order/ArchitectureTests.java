package io.orderflow.order;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Avro-generated classes and the outbox stay at the messaging edge; the domain knows no
 * adapter.
 */
class ArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages("io.orderflow.order");

	@Test
	void onlyTheMessagingEdgeUsesTheAvroContracts() {
		noClasses().that()
			.resideOutsideOfPackage("io.orderflow.order.messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.schemas.avro..")
			.because("domain, JPA entities and web DTOs map to Avro only in io.orderflow.order.messaging")
			.check(MAIN);
	}

	@Test
	void onlyTheMessagingEdgeWritesTheOutbox() {
		noClasses().that()
			.resideOutsideOfPackage("io.orderflow.order.messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.messaging.outbox..")
			.check(MAIN);
	}

	@Test
	void theDomainKnowsNoAdapter() {
		noClasses().that()
			.resideInAPackage("io.orderflow.order")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.orderflow.order.web..", "io.orderflow.order.messaging..")
			.check(MAIN);
	}

	@Test
	void onlyTheWebAdapterUsesTheHttpContract() {
		noClasses().that()
			.resideOutsideOfPackage("io.orderflow.order.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.web..")
			.because("domain and messaging code throw their own exceptions; the web adapter maps them to problems")
			.check(MAIN);
	}

	@Test
	void adaptersDoNotDependOnEachOther() {
		noClasses().that()
			.resideInAPackage("io.orderflow.order.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.order.messaging..")
			.check(MAIN);
		noClasses().that()
			.resideInAPackage("io.orderflow.order.messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.order.web..")
			.check(MAIN);
	}

	@Test
	void theMessagingEdgeIsWhereTheAvroContractsAreUsed() {
		// keeps the rules above from passing on an empty import
		classes().that()
			.haveSimpleName("OutboundEventMapper")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.schemas.avro..")
			.check(MAIN);
	}

}
