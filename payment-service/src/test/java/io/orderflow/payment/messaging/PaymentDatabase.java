package io.orderflow.payment.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.orderflow.testsupport.OutboxRows;
import io.orderflow.testsupport.Scenario;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test fixture: the payment-service database as the tests see it (accounts, payments, and
 * the outbox through the scenario's reader).
 */
public final class PaymentDatabase {

	private final JdbcClient jdbc;

	private final OutboxRows outbox;

	PaymentDatabase(JdbcClient jdbc, Scenario scenario) {
		this.jdbc = jdbc;
		this.outbox = scenario.outbox();
	}

	/** Opens an account with a random customer id starting with {@code name}. */
	String openAccount(String name, long balanceMinor, String currency) {
		String customer = name + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("INSERT INTO accounts (customer_id, balance_minor, currency) VALUES (?, ?, ?)")
			.params(customer, balanceMinor, currency)
			.update();
		return customer;
	}

	long balance(String customer) {
		return this.jdbc.sql("SELECT balance_minor FROM accounts WHERE customer_id = ?")
			.param(customer)
			.query(Long.class)
			.single();
	}

	Optional<PaymentRow> payment(UUID orderId) {
		return this.jdbc.sql("SELECT * FROM payments WHERE order_id = ?")
			.param(orderId)
			.query(PaymentRow.class)
			.optional();
	}

	/**
	 * @return the order's payment as status, amount (or {@code -}) and refund time (or
	 * {@code -}), e.g. {@code REFUNDED 2500 EUR refunded}
	 */
	Optional<String> paymentState(UUID orderId) {
		return this.jdbc.sql("""
				SELECT status || ' ' || coalesce(amount_minor || ' ' || currency, '-')
				       || ' ' || CASE WHEN refunded_at IS NULL THEN '-' ELSE 'refunded' END
				FROM payments WHERE order_id = ?
				""").param(orderId).query(String.class).optional();
	}

	List<PaymentRow> paymentsOf(String customer) {
		return this.jdbc.sql("SELECT * FROM payments WHERE customer_id = ?")
			.param(customer)
			.query(PaymentRow.class)
			.list();
	}

	/** Outbox rows of an order, in id order. */
	List<OutboxRows.Row> outbox(UUID orderId) {
		return this.outbox.forAggregate(orderId);
	}

	/** Outbox rows of many orders, by event type. */
	long outboxCount(String eventType, List<UUID> orderIds) {
		return orderIds.stream()
			.flatMap((orderId) -> outbox(orderId).stream())
			.filter((row) -> row.eventType().equals(eventType))
			.count();
	}

	/** Breaks the payments table for the transactions that follow (a missing table). */
	void takePaymentsTableAway() {
		this.jdbc.sql("ALTER TABLE payments RENAME TO payments_away").update();
	}

	void bringPaymentsTableBack() {
		this.jdbc.sql("ALTER TABLE payments_away RENAME TO payments").update();
	}

	record PaymentRow(UUID paymentId, UUID orderId, String customerId, long amountMinor, String currency, String status,
			@Nullable String failureReason, @Nullable String detail, OffsetDateTime createdAt) {

	}

}
