package io.orderflow.service.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.security.scram.ScramLoginModule;
import org.jspecify.annotations.Nullable;

/**
 * How a client of the suite's brokers authenticates: SASL/SCRAM-SHA-512 over TLS, as one
 * principal (a service's own, or the operators' for the tools), trusting the brokers'
 * certificate authority. Read from {@value #USERNAME}, {@value #PASSWORD} (or
 * {@value #PASSWORD_FILE}) and {@value #TRUSTED_CERTIFICATES} (a PEM file; without it the
 * JVM's default trust store decides). Without a user name the client connects in plain
 * text, as the embedded brokers of the tests and a stack started with
 * {@code ORDERFLOW_SECURITY=off} expect.
 * <p>
 * The services get these settings as Spring Boot's {@code spring.kafka.*} properties
 * ({@link KafkaSecurityEnvironment}); the tools, which build their clients by hand, call
 * {@link #clientProperties()}.
 *
 * @param username the SCRAM user (the Kafka principal {@code User:<username>})
 * @param password its password
 * @param trustedCertificates PEM file of the certificate authorities to trust, if any
 */
public record KafkaClientSecurity(String username, String password, @Nullable Path trustedCertificates) {

	/** SCRAM user name; its presence switches the client to SASL_SSL. */
	public static final String USERNAME = "orderflow.kafka.username";

	/** The user's password. */
	public static final String PASSWORD = "orderflow.kafka.password";

	/**
	 * A file holding the user's password (a mounted secret), read when no password is
	 * set.
	 */
	public static final String PASSWORD_FILE = "orderflow.kafka.password-file";

	/** PEM file of the certificate authorities that signed the brokers' certificates. */
	public static final String TRUSTED_CERTIFICATES = "orderflow.kafka.trusted-certificates";

	/** The only SASL mechanism the suite's brokers enable. */
	public static final String MECHANISM = "SCRAM-SHA-512";

	public KafkaClientSecurity {
		if (username.isBlank() || password.isBlank()) {
			throw new IllegalArgumentException("A Kafka user name and password must not be blank");
		}
	}

	/**
	 * The client settings of a configuration, if it names a user.
	 * @param properties looks a property up by its name (e.g. a Spring
	 * {@code Environment}, which also finds {@code ORDERFLOW_KAFKA_USERNAME} for
	 * {@value #USERNAME})
	 * @return the settings, or empty for a plain-text client
	 * @throws IllegalStateException when a user is named without a password, or a file
	 * cannot be read
	 */
	public static Optional<KafkaClientSecurity> from(Function<String, @Nullable String> properties) {
		String username = trimmed(properties.apply(USERNAME));
		if (username == null) {
			return Optional.empty();
		}
		String password = trimmed(properties.apply(PASSWORD));
		String passwordFile = trimmed(properties.apply(PASSWORD_FILE));
		if (password == null && passwordFile != null) {
			password = trimmed(read(Path.of(passwordFile)));
		}
		if (password == null) {
			throw new IllegalStateException(
					"The Kafka user '" + username + "' (" + USERNAME + ") needs a password: set " + PASSWORD + " or "
							+ PASSWORD_FILE + " (ORDERFLOW_KAFKA_PASSWORD or ORDERFLOW_KAFKA_PASSWORD_FILE)");
		}
		String certificates = trimmed(properties.apply(TRUSTED_CERTIFICATES));
		Path trusted = (certificates != null) ? Path.of(certificates) : null;
		if (trusted != null && !Files.isReadable(trusted)) {
			throw new IllegalStateException("The brokers' certificate authorities (" + TRUSTED_CERTIFICATES + ") "
					+ trusted + " cannot be read");
		}
		return Optional.of(new KafkaClientSecurity(username, password, trusted));
	}

	/**
	 * The client settings of this process's environment variables
	 * ({@code ORDERFLOW_KAFKA_USERNAME}, ...), for the command-line tools.
	 * @return the settings, or empty for a plain-text client
	 */
	public static Optional<KafkaClientSecurity> fromEnvironmentVariables() {
		return from((name) -> System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_')));
	}

	/**
	 * The Kafka client properties of this principal, common to producers, consumers and
	 * admin clients.
	 * @return {@code security.protocol}, the SASL mechanism and login, and the trust
	 * store
	 */
	public Map<String, Object> clientProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_SSL.name);
		properties.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
		properties.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig());
		if (this.trustedCertificates != null) {
			properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
			properties.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, this.trustedCertificates.toString());
		}
		return properties;
	}

	/**
	 * Plain-text client properties when no user is configured, this principal's
	 * otherwise.
	 * @param security the settings, if any
	 * @return the properties to add to a client's configuration
	 */
	public static Map<String, Object> clientProperties(Optional<KafkaClientSecurity> security) {
		return security.map(KafkaClientSecurity::clientProperties).orElse(Map.of());
	}

	private String jaasConfig() {
		return ScramLoginModule.class.getName() + " required username=" + quoted(this.username) + " password="
				+ quoted(this.password) + ";";
	}

	/** A JAAS option value: quoted, with quotes and backslashes escaped. */
	private static String quoted(String value) {
		return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

	@Override
	public String toString() {
		return "KafkaClientSecurity[username=" + this.username + ", password=[hidden], trustedCertificates="
				+ this.trustedCertificates + "]";
	}

	private static @Nullable String trimmed(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Kafka password file " + file, ex);
		}
	}

}
