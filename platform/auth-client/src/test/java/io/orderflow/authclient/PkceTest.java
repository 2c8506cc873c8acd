package io.orderflow.authclient;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PkceTest {

	@Test
	void challengeIsTheS256OfTheVerifierAsInRfc7636AppendixB() {
		assertThat(Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
			.isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
	}

	@Test
	void verifierHas43UnreservedCharactersAndIsNewEachTime() {
		String verifier = Pkce.newVerifier();
		assertThat(verifier).hasSize(43).matches("[A-Za-z0-9_-]+");
		assertThat(Pkce.newVerifier()).isNotEqualTo(verifier);
	}

}
