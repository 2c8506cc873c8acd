/**
 * Customer accounts: balances in minor units, debited under a row lock so that concurrent
 * charges never overdraw.
 */
@NullMarked
package io.orderflow.payment.account;

import org.jspecify.annotations.NullMarked;
