package io.orderflow.testsupport;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.orderflow.messaging.consumer.EventPipeline;
import io.orderflow.messaging.consumer.ProcessedEvents;
import io.orderflow.messaging.outbox.OutboxWriter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * The one set of architecture rules every service of the suite follows, for a service
 * rooted at {@code io.orderflow.<service>}:
 * <ul>
 * <li>adapters live in {@code ..web..} and {@code ..messaging..} packages and do not use
 * each other; everything else of the service but its {@code ..config..} and its
 * application class is domain;</li>
 * <li>the domain never imports messaging, schemas or web: neither the platform's
 * ({@code io.orderflow.messaging}, {@code io.orderflow.schemas},
 * {@code io.orderflow.web}) nor Kafka, Avro, Spring Kafka or Spring Web, nor the
 * service's own adapters;</li>
 * <li>the generated Avro types and the outbox are used only in messaging adapters;</li>
 * <li>listeners map and delegate: a class with {@code @KafkaListener} methods sits in a
 * messaging package, hands its records to the {@link EventPipeline}, and neither opens
 * transactions, nor deduplicates, nor writes the database or the outbox, nor acknowledges
 * itself;</li>
 * <li>messaging adapters never invent event ids: every event gets its id where it is
 * made, in the domain;</li>
 * <li>names: controllers sit in {@code <root>.web}; a plural noun names a collection (a
 * repository, or the outbox port of a feature's events), never a service; no package
 * {@code <root>.<service>}; test classes end in {@code Test} ({@link #TEST_NAMES}).</li>
 * </ul>
 * Every rule fails on an empty selection, so a wrong package name cannot pass.
 */
public final class ServiceArchitecture {

	private ServiceArchitecture() {
	}

	/**
	 * @param servicePackage the service's root package, e.g. {@code io.orderflow.payment}
	 * @param ownRules rules of the service's own (e.g. {@link #doesNotDependOn}), checked
	 * against its main classes too
	 * @return one test per rule
	 */
	public static Stream<DynamicTest> tests(String servicePackage, ArchRule... ownRules) {
		JavaClasses classes = importMain(servicePackage);
		JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
			.importPackages(servicePackage);
		return Stream.concat(
				Stream.concat(rules(servicePackage).stream(), Stream.of(ownRules))
					.map((rule) -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes))),
				Stream.of(DynamicTest.dynamicTest(TEST_NAMES.getDescription(), () -> TEST_NAMES.check(tests))));
	}

	/**
	 * A rule that keeps one feature of a service off another, e.g. a service's accounts
	 * off its payments.
	 * @param feature the package of the feature, e.g.
	 * {@code io.orderflow.payment.account}
	 * @param other the package it must not use, e.g. {@code io.orderflow.payment.charge}
	 * @return the rule
	 */
	public static ArchRule doesNotDependOn(String feature, String other) {
		return noClasses().that()
			.resideInAPackage(feature + "..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(other + "..");
	}

	/**
	 * One name rule for tests: a class with test methods is named {@code ...Test}
	 * (helpers, fixtures and builders are not).
	 */
	public static final ArchRule TEST_NAMES = classes()
		.that(DescribedPredicate.describe("have test methods", (JavaClass type) -> type.getMethods()
			.stream()
			.anyMatch((method) -> method.isAnnotatedWith(Test.class) || method.isAnnotatedWith(TestFactory.class)
					|| method.isAnnotatedWith(ParameterizedTest.class))))
		.should()
		.haveSimpleNameEndingWith("Test")
		.as("test classes are named ...Test");

	/**
	 * @param servicePackage the service's root package
	 * @return the service's main classes (no tests, no jars)
	 */
	public static JavaClasses importMain(String servicePackage) {
		return IMPORTED.computeIfAbsent(servicePackage,
				(root) -> new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
					.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
					.importPackages(root));
	}

	/**
	 * A service's classes, imported once per JVM (the suite's rules and its own share
	 * them).
	 */
	private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

	/**
	 * @param root the service's root package
	 * @return the rules
	 */
	public static List<ArchRule> rules(String root) {
		String web = root + "..web..";
		String messaging = root + "..messaging..";
		String config = root + "..config..";
		DescribedPredicate<JavaClass> domain = DescribedPredicate.describe("domain classes of " + root,
				(JavaClass type) -> type.getPackageName().startsWith(root)
						&& !type.getPackageName().matches(".*\\.(web|messaging|config)(\\..*)?")
						&& !type.isAnnotatedWith(SpringBootApplication.class));
		DescribedPredicate<JavaClass> listeners = DescribedPredicate.describe("declare @KafkaListener methods",
				(JavaClass type) -> type.getMethods()
					.stream()
					.anyMatch((method) -> method.isAnnotatedWith(KafkaListener.class)));
		return List.of(
				noClasses().that(domain)
					.should()
					.dependOnClassesThat()
					.resideInAnyPackage("io.orderflow.messaging..", "io.orderflow.schemas..", "io.orderflow.web..",
							"org.apache.kafka..", "org.springframework.kafka..", "org.apache.avro..",
							"org.springframework.web..", web, messaging)
					.as("the domain never imports messaging, schemas or web"),
				noClasses().that()
					.resideOutsideOfPackage(messaging)
					.should()
					.dependOnClassesThat()
					.resideInAPackage("io.orderflow.schemas.avro..")
					.as("Avro types only in messaging adapters"),
				noClasses().that()
					.resideOutsideOfPackage(messaging)
					.should()
					.dependOnClassesThat()
					.resideInAPackage("io.orderflow.messaging.outbox..")
					.as("only messaging adapters write the outbox"),
				noClasses().that()
					.resideInAPackage(web)
					.should()
					.dependOnClassesThat()
					.resideInAPackage(messaging)
					.as("the web adapter does not use the messaging adapter"),
				noClasses().that()
					.resideOutsideOfPackage(web)
					.should()
					.dependOnClassesThat()
					.resideInAPackage("io.orderflow.web..")
					.as("only the web adapter uses the HTTP error contract (the others throw their own exceptions)"),
				noClasses().that()
					.resideInAPackage(messaging)
					.should()
					.dependOnClassesThat()
					.resideInAPackage(web)
					.as("the messaging adapter does not use the web adapter"),
				classes().that(listeners)
					.should()
					.resideInAPackage(messaging)
					.andShould()
					.dependOnClassesThat()
					.belongToAnyOf(EventPipeline.class)
					.as("listeners sit in messaging adapters and delegate to the EventPipeline"),
				noClasses().that(listeners)
					.should()
					.dependOnClassesThat()
					.belongToAnyOf(ProcessedEvents.class, OutboxWriter.class, JdbcClient.class, JdbcTemplate.class,
							TransactionTemplate.class, PlatformTransactionManager.class)
					.orShould()
					.dependOnClassesThat()
					.resideInAnyPackage("org.springframework.data.repository..", "jakarta.persistence..")
					.orShould()
					.callMethod(Acknowledgment.class, "acknowledge")
					.as("listeners map and delegate: no transactions, deduplication, database or outbox of their own, "
							+ "no acknowledgment before the pipeline's commit"),
				noMethods().that()
					.areAnnotatedWith(KafkaListener.class)
					.should()
					.beAnnotatedWith(Transactional.class)
					.as("listener methods open no transaction (the pipeline does)"),
				noClasses().that()
					.resideInAPackage(messaging)
					.should()
					.callMethod(UUID.class, "randomUUID")
					.as("messaging adapters never invent event ids; the domain makes them with the event"),
				methods().that()
					.areAnnotatedWith(KafkaListener.class)
					.should()
					.beDeclaredInClassesThat()
					.resideInAPackage(messaging)
					.as("every @KafkaListener is in a messaging adapter"),
				classes().that()
					.areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
					.should()
					.resideInAPackage(root + ".web")
					.as("the web adapter sits at " + root + ".web, beside messaging, never inside a feature"),
				classes().that()
					.areAssignableTo("org.springframework.data.repository.Repository")
					.should()
					.haveSimpleNameEndingWith("s")
					.as("a plural noun names a collection: repositories are plural (Orders, Payments)"),
				noClasses().that()
					.areAnnotatedWith("org.springframework.stereotype.Service")
					.should()
					.haveSimpleNameEndingWith("s")
					.as("application services are not plural (OrderService, Catalogue): plural names collections"),
				noClasses().should()
					.resideInAPackage(root + root.substring(root.lastIndexOf('.')) + "..")
					.as("no feature package repeats the service's name")
					.allowEmptyShould(true));
	}

}
