package io.orderflow.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.springframework.util.ClassUtils;

/**
 * Backs {@link RealInfrastructure}: a customizer keyed by the test class, so that every
 * test class gets its own context and database while broker and registry are shared by
 * the JVM.
 */
class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

	/**
	 * A service's context (messaging and metrics on the classpath) gets a
	 * {@link Scenario}.
	 */
	private static final boolean SCENARIO_POSSIBLE = ClassUtils
		.isPresent("io.orderflow.messaging.serde.SchemaRegistryProperties", null)
			&& ClassUtils.isPresent("io.micrometer.core.instrument.MeterRegistry", null);

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		RealInfrastructure annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				RealInfrastructure.class);
		if (annotation == null) {
			return null;
		}
		Class<?> topLevel = testClass;
		while (topLevel.getEnclosingClass() != null) {
			topLevel = topLevel.getEnclosingClass();
		}
		return new Customizer(topLevel, annotation.database());
	}

	private static final class Customizer implements ContextCustomizer {

		private final Class<?> testClass;

		private final boolean database;

		Customizer(Class<?> testClass, boolean database) {
			this.testClass = testClass;
			this.database = database;
		}

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("spring.kafka.bootstrap-servers", KafkaBroker.bootstrapServers());
			properties.put("orderflow.schema-registry.url", SchemaRegistryServer.baseUrl());
			// the services trust the tests' authorization server, started when a test
			// first asks
			// for a token
			properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", AuthorizationServer.trustedIssuer());
			properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
					AuthorizationServer.trustedIssuer() + "/oauth2/jwks");
			if (this.database) {
				PostgresServer postgres = PostgresServer.get();
				properties.put("spring.datasource.url", postgres.createDatabase(this.testClass.getSimpleName()));
				properties.put("spring.datasource.username", postgres.username());
				properties.put("spring.datasource.password", postgres.password());
			}
			// consumers of one test class see only the records produced after they were
			// assigned: a group of
			// their own (contexts of other test classes may still be running) starting at
			// the log end
			String application = context.getEnvironment().getProperty("spring.application.name", "app");
			properties.put("spring.kafka.consumer.group-id", application + "-" + this.testClass.getSimpleName() + "-"
					+ UUID.randomUUID().toString().substring(0, 8));
			properties.put("spring.kafka.consumer.auto-offset-reset", "latest");
			if (this.database && SCENARIO_POSSIBLE) {
				registerScenario(context);
			}
			MutablePropertySources sources = context.getEnvironment().getPropertySources();
			MapPropertySource infrastructure = new MapPropertySource("realInfrastructure", properties);
			// properties given by the test itself (@SpringBootTest(properties=...)) still
			// win
			if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
				sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, infrastructure);
			}
			else {
				sources.addFirst(infrastructure);
			}
		}

		/**
		 * A lazy {@link Scenario} bean: built when a test asks for it, closed with the
		 * context.
		 */
		private static void registerScenario(ConfigurableApplicationContext context) {
			if (!(context instanceof GenericApplicationContext generic)) {
				return;
			}
			generic.registerBean("orderflowScenario", Scenario.class,
					() -> new Scenario(context.getBean(SchemaRegistryProperties.class),
							context.getBean(JdbcClient.class), context.getBean(MeterRegistry.class),
							context.getBeanProvider(KafkaListenerEndpointRegistry.class).getIfAvailable()),
					(definition) -> {
						definition.setLazyInit(true);
						definition.setDestroyMethodName("close");
					});
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof Customizer customizer && customizer.testClass == this.testClass
					&& customizer.database == this.database;
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.testClass, this.database);
		}

	}

}
