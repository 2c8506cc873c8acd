/**
 * The payment service.
 */
@NullMarked
package io.orderflow.payment;

import org.jspecify.annotations.NullMarked;
