package io.orderflow.auth.key;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

import com.nimbusds.jose.jwk.JWK;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeysTest {

	@TempDir
	Path keys;

	@Test
	void theKeyWhoseFileNameSortsLastSignsAndEveryKeyIsKeptUnderItsFileName() throws Exception {
		PemKeys.write(this.keys.resolve("2026-12.pem"), 2048);
		KeyPair newest = PemKeys.write(this.keys.resolve("2027-01.pem"), 2048);
		PemKeys.write(this.keys.resolve("2026-11.pem"), 2048);
		Files.writeString(this.keys.resolve("README.txt"), "not a key");

		SigningKeys signingKeys = SigningKeys.fromDirectory(this.keys);

		assertThat(signingKeys.keys()).extracting(JWK::getKeyID).containsExactly("2026-11", "2026-12", "2027-01");
		assertThat(signingKeys.signing().getKeyID()).isEqualTo("2027-01");
		assertThat(signingKeys.signing().toRSAPublicKey()).isEqualTo(newest.getPublic());
		assertThat(signingKeys.signing().toRSAPrivateKey()).isEqualTo(newest.getPrivate());
	}

	@Test
	void aDirectoryWithoutKeysIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> SigningKeys.fromDirectory(this.keys))
			.withMessageContaining("no *.pem key in " + this.keys);
	}

	@Test
	void aMissingDirectoryIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> SigningKeys.fromDirectory(this.keys.resolve("absent")))
			.withMessageContaining("is no directory");
	}

	@Test
	void aPkcs1KeyIsRefusedWithTheCommandThatConvertsIt() throws Exception {
		Files.writeString(this.keys.resolve("old.pem"),
				"-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");

		assertThatIllegalStateException().isThrownBy(() -> SigningKeys.fromDirectory(this.keys))
			.withMessageContaining("old.pem is PKCS#1")
			.withMessageContaining("openssl pkcs8 -topk8 -nocrypt");
	}

	@Test
	void aKeyShorterThan2048BitsIsRefused() {
		PemKeys.write(this.keys.resolve("short.pem"), 1024);

		assertThatIllegalStateException().isThrownBy(() -> SigningKeys.fromDirectory(this.keys))
			.withMessageContaining("short.pem has 1024 bits");
	}

	@Test
	void aGeneratedKeyIsA2048BitRsaKey() throws Exception {
		SigningKeys generated = SigningKeys.generated();

		assertThat(generated.keys()).hasSize(1);
		assertThat(generated.signing().getKeyID()).startsWith("generated-");
		assertThat(generated.signing().toRSAPublicKey().getModulus().bitLength()).isEqualTo(2048);
	}

}
