package io.orderflow.order;

/**
 * An order names the same SKU on more than one line; quantities must be combined into one
 * line instead.
 */
public class DuplicateSkuException extends RuntimeException {

	private final String sku;

	private final int lineIndex;

	DuplicateSkuException(String sku, int lineIndex) {
		super("SKU " + sku + " appears on more than one line");
		this.sku = sku;
		this.lineIndex = lineIndex;
	}

	/**
	 * @return the repeated SKU
	 */
	public String sku() {
		return this.sku;
	}

	/**
	 * @return zero-based index of the line that repeats it
	 */
	public int lineIndex() {
		return this.lineIndex;
	}

}
