package io.orderflow.auth.key;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.orderflow.auth.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With two keys in {@code orderflow.auth.signing-keys}, the newer signs and both are
 * published, so the tokens the older one signed before the rotation still verify.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "orderflow.auth.demo-password=" + TestServer.DEMO_PASSWORD,
				"orderflow.auth.ops-secret=" + TestServer.OPS_SECRET, "management.server.port=0" })
class SigningKeyRotationTest {

	private static KeyPair previous;

	@LocalServerPort
	private int port;

	private TestServer server;

	@DynamicPropertySource
	static void signingKeys(DynamicPropertyRegistry registry) {
		try {
			Path keys = Files.createTempDirectory("signing-keys");
			keys.toFile().deleteOnExit();
			previous = PemKeys.write(keys.resolve("2026-11.pem"), 2048);
			PemKeys.write(keys.resolve("2026-12.pem"), 2048);
			keys.resolve("2026-11.pem").toFile().deleteOnExit();
			keys.resolve("2026-12.pem").toFile().deleteOnExit();
			registry.add("orderflow.auth.signing-keys", keys::toString);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@BeforeEach
	void server() {
		this.server = TestServer.onPort(this.port);
	}

	@Test
	void theNewerKeySignsAndBothArePublished() throws Exception {
		String token = this.server.userToken("alice");

		assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo("2026-12");
		assertThat(this.server.verify(token).getSubject()).isEqualTo("alice");
		JWKSet published = JWKSet.parse(this.server.get("/oauth2/jwks").body());
		assertThat(published.getKeys()).extracting((key) -> key.getKeyID())
			.containsExactlyInAnyOrder("2026-11", "2026-12");
		assertThat(published.getKeys()).allSatisfy((key) -> assertThat(key.isPrivate()).isFalse());
	}

	@Test
	void aTokenTheOlderKeySignedStillVerifies() throws Exception {
		SignedJWT beforeRotation = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("2026-11").build(),
				new JWTClaimsSet.Builder().issuer(TestServer.ISSUER)
					.subject("bob")
					.audience(List.of("orderflow-api"))
					.issueTime(new java.util.Date())
					.expirationTime(java.util.Date.from(Instant.now().plusSeconds(600)))
					.build());
		beforeRotation.sign(new RSASSASigner((RSAPrivateKey) previous.getPrivate()));

		Jwt jwt = this.server.verify(beforeRotation.serialize());

		assertThat(jwt.getSubject()).isEqualTo("bob");
	}

}
