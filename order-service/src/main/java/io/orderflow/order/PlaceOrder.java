package io.orderflow.order;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A request to place an order.
 *
 * @param customerId who orders, 1 to {@value #MAX_CUSTOMER_ID_LENGTH} characters matching
 * {@value #CUSTOMER_ID_PATTERN} (no control characters, not blank, no surrounding
 * whitespace)
 * @param lines what to order: 1 to {@value #MAX_LINES} lines, each SKU once
 * @param idempotencyKey the client's key for this request, or null; a repeated key with
 * the same request returns the order placed first instead of placing another
 * @throws DuplicateSkuException when a SKU is on more than one line
 * @throws IllegalArgumentException when another invariant is violated (the web layer
 * validates those first)
 */
public record PlaceOrder(String customerId, List<OrderLine> lines, @Nullable String idempotencyKey) {

	/**
	 * Most characters (code points, as PostgreSQL counts {@code VARCHAR(64)}) in a
	 * customer id.
	 */
	public static final int MAX_CUSTOMER_ID_LENGTH = 64;

	/** What a customer id looks like. */
	public static final String CUSTOMER_ID_PATTERN = "(?U)[^\\p{Cntrl}\\s](?:[^\\p{Cntrl}]*[^\\p{Cntrl}\\s])?";

	private static final Pattern CUSTOMER_ID = Pattern.compile(CUSTOMER_ID_PATTERN);

	/** Most lines per order. */
	public static final int MAX_LINES = 50;

	/** Most characters in an idempotency key. */
	public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

	public PlaceOrder {
		Objects.requireNonNull(customerId, "customerId");
		if (customerId.codePointCount(0, customerId.length()) > MAX_CUSTOMER_ID_LENGTH
				|| !CUSTOMER_ID.matcher(customerId).matches()) {
			throw new IllegalArgumentException("customerId must be 1 to " + MAX_CUSTOMER_ID_LENGTH
					+ " characters matching " + CUSTOMER_ID_PATTERN);
		}
		lines = List.copyOf(lines);
		if (lines.isEmpty() || lines.size() > MAX_LINES) {
			throw new IllegalArgumentException("an order has 1 to " + MAX_LINES + " lines");
		}
		if (idempotencyKey != null
				&& (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
			throw new IllegalArgumentException(
					"idempotencyKey must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
		}
		Map<String, Integer> firstLines = new HashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			Integer first = firstLines.putIfAbsent(lines.get(i).sku(), i);
			if (first != null) {
				throw new DuplicateSkuException(lines.get(i).sku(), i, first);
			}
		}
	}

	/**
	 * A hash of the canonical form of the request: customer id and lines, ordered by SKU
	 * (line order carries no meaning), without the idempotency key. Two requests with the
	 * same fingerprint place the same order.
	 * @return SHA-256 as 64 lowercase hex digits
	 */
	public String fingerprint() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			// length-prefixed fields: no two different requests share a canonical form
			out.writeUTF("PlaceOrder/v1");
			out.writeUTF(this.customerId);
			out.writeInt(this.lines.size());
			for (OrderLine line : this.lines.stream().sorted(Comparator.comparing(OrderLine::sku)).toList()) {
				out.writeUTF(line.sku());
				out.writeInt(line.quantity());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return HexFormat.of().formatHex(sha256(bytes.toByteArray()));
	}

	private static byte[] sha256(byte[] input) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(input);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM provides SHA-256", ex);
		}
	}

}
