package io.orderflow.payment.messaging;

import io.orderflow.testsupport.Scenario;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the payment saga tests share: the service's database as the tests see it, and the
 * scenario that sends the saga's records and awaits what they cause.
 */
abstract class SagaTestSupport {

	@Autowired
	PaymentDatabase database;

	@Autowired
	Scenario scenario;

}
