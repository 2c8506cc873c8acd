package io.orderflow.auth.key;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The RSA keys of the authorization server: all are published in the JWK set, the last
 * one signs. Rotation: a new key file whose name sorts after the others (e.g.
 * {@code 2027-01.pem} after {@code 2026-12.pem}) and a restart; the old key stays
 * published, so the tokens it signed still verify, until its file is removed after the
 * longest token lifetime.
 *
 * @param keys the keys in the order of their file names, at least one; the key id of each
 * is its file name without {@code .pem}
 */
record SigningKeys(List<RSAKey> keys) {

	private static final int MIN_KEY_BITS = 2048;

	private static final Pattern PKCS8_PEM = Pattern
		.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

	SigningKeys {
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("no signing key");
		}
		keys = List.copyOf(keys);
	}

	/**
	 * @return the key that signs new tokens
	 */
	RSAKey signing() {
		return this.keys.get(this.keys.size() - 1);
	}

	/**
	 * @param directory holds the keys as {@code *.pem} files, PKCS#8 PEM RSA private keys
	 * of at least 2048 bits ({@code openssl genpkey -algorithm RSA -pkeyopt
	 * rsa_keygen_bits:2048 -out 2026-12.pem})
	 * @return the keys of the directory, ordered by file name
	 * @throws IllegalStateException when the directory cannot be read, has no key, or a
	 * file is no such key
	 */
	static SigningKeys fromDirectory(Path directory) {
		if (!Files.isDirectory(directory)) {
			throw new IllegalStateException("orderflow.auth.signing-keys: " + directory + " is no directory");
		}
		List<Path> files;
		try (Stream<Path> listing = Files.list(directory)) {
			files = listing.filter((file) -> file.getFileName().toString().endsWith(".pem"))
				.filter(Files::isRegularFile)
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("orderflow.auth.signing-keys: cannot list " + directory, ex);
		}
		if (files.isEmpty()) {
			throw new IllegalStateException("orderflow.auth.signing-keys: no *.pem key in " + directory);
		}
		return new SigningKeys(files.stream().map(SigningKeys::read).toList());
	}

	/**
	 * @return one RSA key of 2048 bits, made now, with a random key id
	 */
	static SigningKeys generated() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(MIN_KEY_BITS);
			KeyPair pair = generator.generateKeyPair();
			return new SigningKeys(List.of(jwk((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate(),
					"generated-" + UUID.randomUUID())));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot generate an RSA key", ex);
		}
	}

	static RSAKey read(Path file) {
		String name = file.getFileName().toString();
		String kid = name.substring(0, name.length() - ".pem".length());
		String pem;
		try {
			pem = Files.readString(file, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read signing key " + file, ex);
		}
		if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
			throw new IllegalStateException("signing key " + file + " is PKCS#1; convert it to PKCS#8: "
					+ "openssl pkcs8 -topk8 -nocrypt -in " + name + " -out " + kid + "-pkcs8.pem");
		}
		Matcher body = PKCS8_PEM.matcher(pem);
		if (!body.find()) {
			throw new IllegalStateException(
					"signing key " + file + " is no PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)");
		}
		try {
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body.group(1))));
			BigInteger modulus = privateKey.getModulus();
			if (modulus.bitLength() < MIN_KEY_BITS) {
				throw new IllegalStateException("signing key " + file + " has " + modulus.bitLength()
						+ " bits; RS256 needs at least " + MIN_KEY_BITS);
			}
			RSAPublicKey publicKey = (RSAPublicKey) rsa
				.generatePublic(new RSAPublicKeySpec(modulus, privateKey.getPublicExponent()));
			return jwk(publicKey, privateKey, kid);
		}
		catch (GeneralSecurityException | IllegalArgumentException | ClassCastException ex) {
			throw new IllegalStateException("signing key " + file + " is no RSA private key: " + ex.getMessage(), ex);
		}
	}

	private static RSAKey jwk(RSAPublicKey publicKey, RSAPrivateKey privateKey, String kid) {
		return new RSAKey.Builder(publicKey).privateKey(privateKey)
			.keyID(kid)
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.build();
	}

}
