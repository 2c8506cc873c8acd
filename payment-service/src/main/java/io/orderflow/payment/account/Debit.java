package io.orderflow.payment.account;

import org.jspecify.annotations.Nullable;

/**
 * Outcome of debiting an account.
 *
 * @param refusal why the account was not debited, {@code null} when it was
 * @param detail explanation for humans (empty when debited); never reveals the balance
 */
public record Debit(@Nullable DebitRefusal refusal, String detail) {

	static Debit done() {
		return new Debit(null, "");
	}

	static Debit refused(DebitRefusal refusal, String detail) {
		return new Debit(refusal, detail);
	}

	/**
	 * @return whether the amount was taken from the account
	 */
	public boolean succeeded() {
		return this.refusal == null;
	}

}
