package io.orderflow.auth;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * No secret is shipped: without one from the environment or a secret file the server does
 * not start, and says which one is missing and how to give it.
 */
class RequiredSecretsTest {

	@TempDir
	Path secrets;

	@Test
	void doesNotStartWithoutTheOpsSecret() {
		assertThatException().isThrownBy(() -> start("orderflow.auth.demo-password=pw").close())
			.withStackTraceContaining("opsSecret")
			.withStackTraceContaining("is required: set ORDERFLOW_AUTH_OPS_SECRET");
	}

	@Test
	void doesNotStartWithABlankDemoPassword() {
		assertThatException()
			.isThrownBy(() -> start("orderflow.auth.ops-secret=s", "orderflow.auth.demo-password= ").close())
			.withStackTraceContaining("is required: set ORDERFLOW_AUTH_DEMO_PASSWORD");
	}

	@Test
	void takesTheSecretsFromFilesInTheSecretsDirectory() throws Exception {
		// as Kubernetes and compose mount them: one file per property, with a line end
		Files.writeString(this.secrets.resolve("orderflow.auth.ops-secret"), "ops-secret-from-file\n");
		Files.writeString(this.secrets.resolve("orderflow.auth.demo-password"), "demo-password-from-file\n");

		try (ConfigurableApplicationContext context = start("ORDERFLOW_SECRETS_DIR=" + this.secrets)) {
			AuthProperties properties = context.getBean(AuthProperties.class);
			assertThat(properties.opsSecret()).isEqualTo("ops-secret-from-file");
			assertThat(properties.demoPassword()).isEqualTo("demo-password-from-file");
		}
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(AuthServerApplication.class)
			.properties("server.port=0", "management.server.port=0", "spring.main.banner-mode=off")
			.properties(properties)
			.run();
	}

}
