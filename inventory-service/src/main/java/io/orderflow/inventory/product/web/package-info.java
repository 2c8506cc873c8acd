/**
 * HTTP API of the product catalogue: {@code PUT} and {@code GET /products/{sku}}, errors
 * as RFC 9457 problem details.
 */
@NullMarked
package io.orderflow.inventory.product.web;

import org.jspecify.annotations.NullMarked;
