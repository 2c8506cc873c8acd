package io.orderflow.testsupport;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every service of the suite shows of itself, started whole on a random port against
 * the real infrastructure: its migrated database, and a management surface of health and
 * metrics only, on the management port and not on the public one
 * ({@link ServiceEndpoints}). A service's application test extends it, names what is its
 * own, and adds the tests only that service needs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
public abstract class AbstractServiceApplicationTest {

	private final String application;

	private final List<String> ownTables;

	private final String[] series;

	/**
	 * @param application the service's {@code spring.application.name}
	 * @param ownTables the service's own tables, which its migrations create empty
	 * @param series text its Prometheus scrape must contain besides the JVM's (e.g.
	 * pre-registered series)
	 */
	protected AbstractServiceApplicationTest(String application, List<String> ownTables, String... series) {
		this.application = application;
		this.ownTables = List.copyOf(ownTables);
		this.series = series.clone();
	}

	@Test
	void migratesItsDatabaseIncludingTheOutbox(@Autowired JdbcClient jdbc) {
		ServiceEndpoints.assertMigratedWithOutbox(jdbc, this.ownTables.toArray(String[]::new));
	}

	@Test
	void exposesHealthAndPrometheusOnlyOnTheManagementPort(@LocalServerPort int port,
			@LocalManagementPort int managementPort) {
		ServiceEndpoints.assertServesHealthAndPrometheusOnly(managementPort, this.application, this.series);
		ServiceEndpoints.assertServesNoManagementEndpoints(port);
	}

	@Test
	void describesItsApiAsTheCommittedOpenApiDescriptionAndServesSwaggerUi(@LocalServerPort int port,
			@Autowired Environment environment) throws Exception {
		OpenApiDescription.assertMatchesCommitted(port, this.application,
				environment.getRequiredProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"));
		OpenApiDescription.assertServesSwaggerUi(port);
	}

}
