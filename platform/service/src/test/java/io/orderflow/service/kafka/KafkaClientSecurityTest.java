package io.orderflow.service.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KafkaClientSecurityTest {

	@TempDir
	Path directory;

	@Test
	void withoutAUserTheClientConnectsInPlainText() {
		assertThat(KafkaClientSecurity.from(Map.<String, String>of()::get)).isEmpty();
		assertThat(KafkaClientSecurity.from(Map.of(KafkaClientSecurity.USERNAME, " ")::get)).isEmpty();
		assertThat(KafkaClientSecurity.clientProperties(Optional.empty())).isEmpty();
	}

	@Test
	void aUserMeansScramOverTlsTrustingTheGivenAuthorities() throws Exception {
		Path ca = Files.writeString(this.directory.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----");
		KafkaClientSecurity security = KafkaClientSecurity.from(Map.of(KafkaClientSecurity.USERNAME, "order-service",
				KafkaClientSecurity.PASSWORD, "s3cret", KafkaClientSecurity.TRUSTED_CERTIFICATES, ca.toString())::get)
			.orElseThrow();
		assertThat(security.clientProperties()).containsEntry("security.protocol", "SASL_SSL")
			.containsEntry("sasl.mechanism", "SCRAM-SHA-512")
			.containsEntry("ssl.truststore.type", "PEM")
			.containsEntry("ssl.truststore.location", ca.toString());
		assertThat(loginOptions(security)).containsEntry("username", "order-service")
			.containsEntry("password", "s3cret");
	}

	@Test
	void thePasswordMayComeFromAFileAndQuotesInItSurviveTheJaasSyntax() throws Exception {
		Path file = Files.writeString(this.directory.resolve("order-service.password"), "a\"b\\c;d\n");
		KafkaClientSecurity security = KafkaClientSecurity
			.from(Map.of(KafkaClientSecurity.USERNAME, "order-service", KafkaClientSecurity.PASSWORD_FILE,
					file.toString())::get)
			.orElseThrow();
		assertThat(security.password()).isEqualTo("a\"b\\c;d");
		assertThat(loginOptions(security)).containsEntry("password", "a\"b\\c;d");
		assertThat(security.clientProperties()).doesNotContainKey("ssl.truststore.location");
	}

	@Test
	void aUserWithoutPasswordOrAnUnreadableAuthorityFileIsRefusedAtStartup() {
		assertThatIllegalStateException()
			.isThrownBy(() -> KafkaClientSecurity.from(Map.of(KafkaClientSecurity.USERNAME, "order-service")::get))
			.withMessageContaining("ORDERFLOW_KAFKA_PASSWORD");
		assertThatIllegalStateException()
			.isThrownBy(() -> KafkaClientSecurity.from(Map.of(KafkaClientSecurity.USERNAME, "order-service",
					KafkaClientSecurity.PASSWORD, "x", KafkaClientSecurity.TRUSTED_CERTIFICATES,
					this.directory.resolve("missing.pem").toString())::get))
			.withMessageContaining("missing.pem");
	}

	@Test
	void thePasswordIsNeverPrinted() {
		assertThat(new KafkaClientSecurity("relay", "s3cret", null)).asString()
			.contains("relay")
			.doesNotContain("s3cret");
	}

	@Test
	void theToolsReadTheSameSettingsFromEnvironmentVariableNames() {
		Map<String, String> variables = new HashMap<>(
				Map.of("ORDERFLOW_KAFKA_USERNAME", "orderflow-ops", "ORDERFLOW_KAFKA_PASSWORD", "pw"));
		KafkaClientSecurity security = KafkaClientSecurity
			.from((name) -> variables.get(name.toUpperCase().replace('.', '_').replace('-', '_')))
			.orElseThrow();
		assertThat(security.username()).isEqualTo("orderflow-ops");
	}

	/** The login module's options as Kafka parses the JAAS setting. */
	private static Map<String, Object> loginOptions(KafkaClientSecurity security) {
		String jaas = (String) security.clientProperties().get("sasl.jaas.config");
		return JaasContext.loadClientContext(Map.of("sasl.jaas.config", new Password(jaas)))
			.configurationEntries()
			.get(0)
			.getOptions()
			.entrySet()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
