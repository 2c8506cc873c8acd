package io.orderflow.payment.charge;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a payment.
 *
 * @param value the payment's UUID
 */
public record PaymentId(UUID value) {

	public PaymentId {
		Objects.requireNonNull(value, "value");
	}

	static PaymentId random() {
		return new PaymentId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
