package io.orderflow.inventory.product;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A product with its stock: {@code available} units are free to reserve, {@code reserved}
 * units are promised to orders. Neither ever goes negative (the database checks it as
 * well). Stock changes must run on a row locked with {@link Stock#lock}, so that
 * concurrent orders never oversell.
 */
@Entity
@Table(name = "product")
public class Product {

	@Id
	private String sku;

	private String name;

	private long unitPriceMinor;

	private String currency;

	private int available;

	private int reserved;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private @Nullable Long version;

	protected Product() {
		// for JPA
	}

	/**
	 * A new product with nothing reserved.
	 * @param definition catalogue data and available stock
	 * @param now creation time
	 */
	public Product(ProductDefinition definition, Instant now) {
		this.sku = definition.sku().value();
		this.createdAt = now;
		redefine(definition, now);
	}

	/**
	 * Replaces catalogue data and available stock; what is reserved stays reserved.
	 */
	void redefine(ProductDefinition definition, Instant now) {
		this.name = definition.name();
		this.unitPriceMinor = definition.unitPrice().amountMinor();
		this.currency = definition.unitPrice().currency();
		this.available = definition.available();
		this.updatedAt = now;
	}

	public Sku sku() {
		return new Sku(this.sku);
	}

	public Money unitPrice() {
		return new Money(this.unitPriceMinor, this.currency);
	}

	public int available() {
		return this.available;
	}

	public int reserved() {
		return this.reserved;
	}

	/**
	 * Moves units from available to reserved.
	 * @param quantity units, {@code > 0} and at most {@link #available()}
	 * @param now when
	 * @throws ArithmeticException when the reserved units would not fit an {@code int} (a
	 * reservation checks that first)
	 */
	public void reserve(int quantity, Instant now) {
		requirePositive(quantity);
		if (quantity > this.available) {
			throw new IllegalStateException(
					"cannot reserve " + quantity + " of " + this.sku + ": only " + this.available + " available");
		}
		this.available -= quantity;
		this.reserved = Math.addExact(this.reserved, quantity);
		this.updatedAt = now;
	}

	/**
	 * Moves reserved units back to available (compensation).
	 * @param quantity units, {@code > 0} and at most {@link #reserved()}
	 * @param now when
	 */
	public void release(int quantity, Instant now) {
		requireReserved(quantity);
		this.reserved -= quantity;
		this.available = Math.addExact(this.available, quantity);
		this.updatedAt = now;
	}

	/**
	 * Reserved units leave the stock: they are sold.
	 * @param quantity units, {@code > 0} and at most {@link #reserved()}
	 * @param now when
	 */
	public void sell(int quantity, Instant now) {
		requireReserved(quantity);
		this.reserved -= quantity;
		this.updatedAt = now;
	}

	ProductDetails details() {
		return new ProductDetails(sku(), this.name, unitPrice(), this.available, this.reserved);
	}

	private void requireReserved(int quantity) {
		requirePositive(quantity);
		if (quantity > this.reserved) {
			throw new IllegalStateException("cannot take " + quantity + " of " + this.sku + " out of reservation: only "
					+ this.reserved + " reserved");
		}
	}

	private static void requirePositive(int quantity) {
		if (quantity <= 0) {
			throw new IllegalArgumentException("quantity must be positive: " + quantity);
		}
	}

}
