package io.orderflow.order;

/**
 * An order names the same SKU on more than one line; quantities must be combined into one
 * line instead.
 */
public class DuplicateSkuException extends RuntimeException {

	private final String sku;

	private final int lineIndex;

	private final int firstLineIndex;

	DuplicateSkuException(String sku, int lineIndex, int firstLineIndex) {
		super("SKU " + sku + " of line " + firstLineIndex + " appears again on line " + lineIndex);
		this.sku = sku;
		this.lineIndex = lineIndex;
		this.firstLineIndex = firstLineIndex;
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

	/**
	 * @return zero-based index of the first line with the SKU, before
	 * {@link #lineIndex()}
	 */
	public int firstLineIndex() {
		return this.firstLineIndex;
	}

}
