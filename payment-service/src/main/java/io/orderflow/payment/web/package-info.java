/**
 * HTTP adapter: the accounts API, errors as RFC 9457 problem details.
 */
@NullMarked
package io.orderflow.payment.web;

import org.jspecify.annotations.NullMarked;
