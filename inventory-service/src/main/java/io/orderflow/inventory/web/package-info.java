/**
 * HTTP API of the product catalogue: {@code PUT} and {@code GET /products/{sku}}. Errors
 * follow the platform's contract ({@code io.orderflow.web}); the one problem of its own
 * is {@link io.orderflow.inventory.web.ProductNotFoundException}.
 */
@NullMarked
package io.orderflow.inventory.web;

import org.jspecify.annotations.NullMarked;
