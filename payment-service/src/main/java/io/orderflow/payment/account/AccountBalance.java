package io.orderflow.payment.account;

/**
 * The balance of a customer's account at one moment.
 *
 * @param customerId whose account
 * @param balance what is left to spend
 */
public record AccountBalance(CustomerId customerId, Money balance) {

}
