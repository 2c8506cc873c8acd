package io.orderflow.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose file of the Docker stack is valid: {@code docker-compose config} (Debian's
 * docker-compose, installed by {@code .ci/run}) parses and resolves it offline, without a
 * Docker engine.
 */
class DeploymentFilesTest {

	private static final Path ROOT = Path.of(System.getProperty("orderflow.project.root", ".."));

	@Test
	void composeFileValidates() throws Exception {
		MachineTools.require("docker-compose");
		Process config = new ProcessBuilder("docker-compose", "-f", ROOT.resolve("docker-compose.yml").toString(),
				"config", "-q")
			.redirectErrorStream(true)
			.start();
		String output = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(config.waitFor()).as(output).isZero();
	}

}
