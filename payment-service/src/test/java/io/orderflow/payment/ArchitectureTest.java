package io.orderflow.payment;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The generated Avro classes stay at the messaging edge, and the domain knows none of its
 * adapters.
 */
class ArchitectureTest {

	private static JavaClasses classes;

	@BeforeAll
	static void importMainClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.orderflow.payment");
	}

	@Test
	void onlyTheMessagingAdapterSeesAvroClasses() {
		noClasses().that()
			.resideOutsideOfPackage("io.orderflow.payment.messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.schemas.avro..")
			.because("domain, JPA entities and REST DTOs never see the message contracts; mappers translate")
			.check(classes);
	}

	@Test
	void domainDependsOnNoAdapter() {
		noClasses().that()
			.resideInAnyPackage("io.orderflow.payment.account..", "io.orderflow.payment.payment..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.orderflow.payment.web..", "io.orderflow.payment.messaging..")
			.check(classes);
	}

	@Test
	void onlyTheWebAdapterUsesTheHttpContract() {
		noClasses().that()
			.resideOutsideOfPackage("io.orderflow.payment.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.web..")
			.because("domain and messaging code throw their own exceptions; the web adapter maps them to problems")
			.check(classes);
	}

	@Test
	void accountsKnowNothingOfPayments() {
		noClasses().that()
			.resideInAPackage("io.orderflow.payment.account..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.payment.payment..")
			.check(classes);
	}

	@Test
	void adaptersDoNotUseEachOther() {
		noClasses().that()
			.resideInAPackage("io.orderflow.payment.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.payment.messaging..")
			.check(classes);
		noClasses().that()
			.resideInAPackage("io.orderflow.payment.messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.payment.web..")
			.check(classes);
	}

}
