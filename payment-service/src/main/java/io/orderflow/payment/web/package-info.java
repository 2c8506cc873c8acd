/**
 * HTTP adapter: the accounts API. Errors follow the platform's contract
 * ({@code io.orderflow.web}); the one problem of its own is
 * {@link io.orderflow.payment.web.AccountNotFoundException}.
 */
@NullMarked
package io.orderflow.payment.web;

import org.jspecify.annotations.NullMarked;
