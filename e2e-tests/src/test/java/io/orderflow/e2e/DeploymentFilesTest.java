package io.orderflow.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

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
		Command.Result config = Command.run(ROOT, Map.of(), Duration.ofMinutes(1), "docker-compose", "-f",
				ROOT.resolve("docker-compose.yml").toString(), "config", "-q");
		assertThat(config.exitCode()).as(config.output()).isZero();
	}

}
