package io.orderflow.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CachingJwtDecoderTest {

	private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

	private final AtomicInteger decoded = new AtomicInteger();

	private Instant expiresAt = NOW.plus(Duration.ofMinutes(30));

	/** Accepts tokens starting with "good", refuses the others, as a decoder does. */
	private final JwtDecoder delegate = (token) -> {
		this.decoded.incrementAndGet();
		if (!token.startsWith("good")) {
			throw new BadJwtException("refused");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("alice")
			.issuedAt(NOW.minusSeconds(60))
			.expiresAt(this.expiresAt)
			.build();
	};

	private Instant now = NOW;

	private final CachingJwtDecoder decoder = new CachingJwtDecoder(this.delegate, () -> this.now);

	@Test
	void aTokenSentAgainIsNotDecodedAgain() {
		Jwt first = this.decoder.decode("good-1");
		Jwt again = this.decoder.decode("good-1");

		assertThat(again).isSameAs(first);
		assertThat(this.decoded).hasValue(1);
		this.decoder.decode("good-2");
		assertThat(this.decoded).hasValue(2);
	}

	@Test
	void aRefusedTokenIsRefusedEveryTimeAndNeverKept() {
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("forged"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("forged"));
		assertThat(this.decoded).hasValue(2);
		assertThat(this.decoder.size()).isZero();
	}

	@Test
	void anExpiredTokenGoesBackToTheDelegate() {
		this.decoder.decode("good-1");
		this.now = this.expiresAt;

		this.decoder.decode("good-1");

		assertThat(this.decoded).hasValue(2);
		assertThat(this.decoder.size()).as("an expired token is not kept again").isOne();
	}

	@Test
	void aTokenAlreadyExpiredWhenDecodedIsNotKept() {
		this.expiresAt = NOW.minusSeconds(10);
		this.decoder.decode("good-late");
		this.decoder.decode("good-late");
		assertThat(this.decoded).hasValue(2);
	}

}
