package io.orderflow.auth.key;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * RSA key files as an operator makes them ({@code openssl genpkey -algorithm RSA}):
 * PKCS#8 PEM.
 */
final class PemKeys {

	private PemKeys() {
	}

	/**
	 * @param file where to write the new key
	 * @param bits its size
	 * @return the key pair written
	 */
	static KeyPair write(Path file, int bits) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(bits);
			KeyPair pair = generator.generateKeyPair();
			// getEncoded() of an RSA private key is its PKCS#8 DER
			String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
				.encodeToString(pair.getPrivate().getEncoded());
			Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n",
					StandardCharsets.US_ASCII);
			return pair;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
