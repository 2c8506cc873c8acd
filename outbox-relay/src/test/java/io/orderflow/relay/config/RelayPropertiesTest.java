package io.orderflow.relay.config;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding and validation of {@code orderflow.relay.*}, including the packaged
 * {@code application.yml}.
 */
class RelayPropertiesTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void packagedConfigurationPublishesTheThreeServiceDatabases() {
		this.contexts.withInitializer(new ConfigDataApplicationContextInitializer()).run((context) -> {
			RelayProperties properties = context.getBean(RelayProperties.class);
			assertThat(properties.sources()).extracting(RelayProperties.Source::name)
				.containsExactly("order", "inventory", "payment");
			assertThat(properties.sources()).extracting(RelayProperties.Source::url)
				.containsExactly("jdbc:postgresql://127.0.0.1:5432/orderflow_order",
						"jdbc:postgresql://127.0.0.1:5432/orderflow_inventory",
						"jdbc:postgresql://127.0.0.1:5432/orderflow_payment");
			assertThat(properties.sources()).extracting(RelayProperties.Source::username).containsOnly("postgres");
			assertThat(properties.batchSize()).isEqualTo(2000);
			assertThat(properties.retention()).isZero();
			assertThat(properties.keepsPublishedRows()).isFalse();
		});
	}

	@Test
	void appliesDefaultsToEverythingButTheSources() {
		this.contexts.withPropertyValues(source(0, "order")).run((context) -> {
			RelayProperties properties = context.getBean(RelayProperties.class);
			assertThat(properties.sources()).singleElement()
				.satisfies((source) -> assertThat(source.password()).isEmpty());
			assertThat(properties.batchSize()).isEqualTo(2000);
			assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(1));
			assertThat(properties.takeoverInterval()).isEqualTo(Duration.ofSeconds(2));
			assertThat(properties.retention()).isZero();
			assertThat(properties.keepsPublishedRows()).isFalse();
			assertThat(properties.cleanupInterval()).isEqualTo(Duration.ofMinutes(1));
			assertThat(properties.cleanupChunkSize()).isEqualTo(5000);
		});
	}

	@Test
	void rejectsAConfigurationWithoutSources() {
		this.contexts.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.hasStackTraceContaining("orderflow.relay.sources"));
	}

	@Test
	void rejectsTwoSourcesWithTheSameName() {
		this.contexts.withPropertyValues(concat(source(0, "order"), source(1, "order")))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("duplicate name 'order'"));
	}

	@Test
	void rejectsANonPostgresqlUrlAndAZeroBatchSize() {
		this.contexts
			.withPropertyValues(concat(source(0, "order"),
					new String[] { "orderflow.relay.sources[0].url=jdbc:h2:mem:x", "orderflow.relay.batch-size=0" }))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("sources[0].url")
				.hasStackTraceContaining("batchSize"));
	}

	@Test
	void neverShowsAPasswordInToString() {
		RelayProperties.Source source = new RelayProperties.Source("order", "jdbc:postgresql://db/order", "relay",
				"s3cret");

		assertThat(source.toString()).doesNotContain("s3cret").contains("order");
		assertThat(List.of(source).toString()).doesNotContain("s3cret");
	}

	private static String[] source(int index, String name) {
		String prefix = "orderflow.relay.sources[" + index + "].";
		return new String[] { prefix + "name=" + name, prefix + "url=jdbc:postgresql://127.0.0.1:5432/" + name,
				prefix + "username=relay" };
	}

	private static String[] concat(String[] first, String[] second) {
		String[] all = new String[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

	/**
	 * Not a {@code @Configuration}: the relay contexts started by other tests scan this
	 * package.
	 */
	@EnableConfigurationProperties(RelayProperties.class)
	static class PropertiesConfiguration {

	}

}
