package io.orderflow.auth.key;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.orderflow.auth.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncodingException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Publishes every key of {@code orderflow.auth.signing-keys} at {@code /oauth2/jwks} and
 * signs with the last one (see {@link SigningKeys}).
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SigningKeyConfiguration.class);

	@Bean
	SigningKeys signingKeys(AuthProperties properties) {
		if (properties.signingKeys() == null) {
			SigningKeys generated = SigningKeys.generated();
			logger.warn(
					"orderflow.auth.signing-keys (ORDERFLOW_AUTH_SIGNING_KEYS) is not set: signing with key {}, "
							+ "generated at startup; the tokens it signs will not verify after a restart",
					generated.signing().getKeyID());
			return generated;
		}
		SigningKeys keys = SigningKeys.fromDirectory(properties.signingKeys());
		logger.info("Signing with key {} of {}; publishing {}", keys.signing().getKeyID(), properties.signingKeys(),
				keys.keys().stream().map(JWK::getKeyID).toList());
		return keys;
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
		return new ImmutableJWKSet<>(new JWKSet(keys.keys().stream().map(JWK.class::cast).toList()));
	}

	/**
	 * Spring Authorization Server's default encoder over the same keys would refuse to
	 * choose among several RS256 keys; this one takes the signing key.
	 */
	@Bean
	JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource, SigningKeys keys) {
		String signing = keys.signing().getKeyID();
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(jwkSource);
		encoder.setJwkSelector((candidates) -> candidates.stream()
			.filter((candidate) -> signing.equals(candidate.getKeyID()))
			.findFirst()
			.orElseThrow(() -> new JwtEncodingException("signing key " + signing + " is not among " + candidates)));
		return encoder;
	}

}
