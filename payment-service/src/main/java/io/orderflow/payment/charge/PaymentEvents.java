package io.orderflow.payment.charge;

/**
 * Where payment outcomes go: the transactional outbox. Both methods must be called inside
 * the transaction that recorded the payment, so that the payment and its event commit
 * together or not at all.
 */
public interface PaymentEvents {

	/**
	 * @param event a completed payment, to be published keyed by its order id
	 */
	void completed(PaymentCompleted event);

	/**
	 * @param event a failed payment, to be published keyed by its order id
	 */
	void failed(PaymentFailed event);

}
