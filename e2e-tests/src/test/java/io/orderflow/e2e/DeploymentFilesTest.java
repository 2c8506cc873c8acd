package io.orderflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.orderflow.tools.kafka.KafkaAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

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

	/**
	 * The compose stack's Kafka is secured like the script's: every principal of
	 * {@link KafkaAccess} has its password file as a secret, and each service connects as
	 * its own principal with its own password, trusting the stack's CA.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void composeServicesConnectToKafkaAsTheirOwnPrincipals() throws Exception {
		Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
		Map<String, Object> secrets = (Map<String, Object>) compose.get("secrets");
		for (String principal : KafkaAccess.PRINCIPALS) {
			assertThat((Map<String, Object>) secrets.get("kafka-" + principal)).as(principal)
				.containsEntry("file", "./.orderflow/secrets/kafka/" + principal + ".password");
		}
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		for (String service : List.of("order-service", "inventory-service", "payment-service", "outbox-relay")) {
			Map<String, Object> definition = (Map<String, Object>) services.get(service);
			assertThat((Map<String, Object>) definition.get("environment")).as(service)
				.containsEntry("ORDERFLOW_KAFKA_USERNAME", service)
				// JSON logs (Elastic Common Schema) in containers
				.containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
			assertThat((List<Map<String, Object>>) definition.get("secrets")).as(service)
				.contains(Map.of("source", "kafka-" + service, "target", "kafka-password"),
						Map.of("source", "kafka-ca", "target", "kafka-ca"));
		}
		assertThat(Files.readString(ROOT.resolve("deploy/docker/kafka-secure.sh"))).contains(
				"listener.security.protocol.map=INTERNAL:SASL_SSL,HOST:SASL_SSL,CONTROLLER:SSL",
				"authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer");
	}

	/**
	 * No password is written in the compose file, and {@code ./orderflow secrets} makes
	 * every secret file it names.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void composeHasNoPasswordAndTheScriptMakesEverySecretItNames(@TempDir Path home) throws Exception {
		MachineTools.require("openssl");
		String text = Files.readString(ROOT.resolve("docker-compose.yml"));
		// an environment entry naming a password or secret holds a file's path, never a
		// value or a default
		assertThat(text).doesNotContainPattern("(?m)^ +[A-Z_]*(PASSWORD|SECRET)[A-Z_]*: *[^ /\\n]")
			.doesNotContainPattern("(?i)password[^\\n]*:-");
		Command.Result secrets = Command.run(ROOT, Map.of("ORDERFLOW_HOME", home.toString()), Duration.ofMinutes(1),
				ROOT.resolve("orderflow").toString(), "secrets");
		assertThat(secrets.exitCode()).as(secrets.output()).isZero();
		Map<String, Object> compose = new Yaml().load(text);
		((Map<String, Map<String, Object>>) compose.get("secrets")).forEach((name, secret) -> {
			String file = ((String) secret.get("file")).replace("./.orderflow/", "");
			assertThat(home.resolve(file)).as(name).isNotEmptyFile();
		});
	}

}
