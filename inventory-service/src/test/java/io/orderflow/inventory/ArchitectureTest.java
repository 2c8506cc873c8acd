package io.orderflow.inventory;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The Avro contracts stay at the Kafka edge; the domain knows neither Kafka nor its
 * adapters.
 */
class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.orderflow.inventory");

	@Test
	void onlyTheMessagingEdgeSeesTheAvroClasses() {
		noClasses().that()
			.resideOutsideOfPackage("io.orderflow.inventory.messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.schemas.avro..")
			.check(CLASSES);
	}

	@Test
	void domainAndWebKnowNothingOfKafkaOrTheMessagingEdge() {
		noClasses().that()
			.resideInAnyPackage("io.orderflow.inventory.product..", "io.orderflow.inventory.reservation..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "org.apache.avro..",
					"io.orderflow.messaging..", "io.orderflow.schemas..", "io.orderflow.inventory.messaging..")
			.check(CLASSES);
	}

	@Test
	void theCatalogueDoesNotDependOnReservations() {
		noClasses().that()
			.resideInAPackage("io.orderflow.inventory.product..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.inventory.reservation..")
			.check(CLASSES);
	}

	@Test
	void onlyTheWebAdapterUsesTheHttpContract() {
		noClasses().that()
			.resideOutsideOfPackage("io.orderflow.inventory.product.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.web..")
			.because("domain and messaging code throw their own exceptions; the web adapter maps them to problems")
			.check(CLASSES);
	}

	@Test
	void theDomainDoesNotDependOnTheWebAdapter() {
		noClasses().that()
			.resideInAnyPackage("io.orderflow.inventory.product", "io.orderflow.inventory.reservation..",
					"io.orderflow.inventory.messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.inventory.product.web..")
			.check(CLASSES);
	}

}
