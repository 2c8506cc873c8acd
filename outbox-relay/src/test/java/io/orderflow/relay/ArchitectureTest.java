package io.orderflow.relay;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.orderflow.relay.config.RelayProperties;
import io.orderflow.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The relay's structure: package-private by default, and a relay that only moves bytes.
 */
class ArchitectureTest {

	private static final JavaClasses RELAY = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages("io.orderflow.relay");

	@Test
	void testClassesFollowTheSuitesNameRule() {
		ServiceArchitecture.TEST_NAMES
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
				.importPackages("io.orderflow.relay"));
	}

	@Test
	void exposesOnlyTheApplicationAndItsConfigurationProperties() {
		noClasses().that()
			.doNotBelongToAnyOf(OutboxRelayApplication.class, RelayProperties.class)
			.should()
			.bePublic()
			.check(RELAY);
	}

	@Test
	void neverDecodesPayloadsOrTalksToTheRegistry() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.avro..", "io.apicurio..", "io.orderflow.schemas..",
					"io.orderflow.messaging..")
			.check(RELAY);
	}

	@Test
	void keepsConfigurationIndependentOfTheRelayItself() {
		noClasses().that()
			.resideInAPackage("io.orderflow.relay.config..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.relay.outbox..")
			.check(RELAY);
	}

}
