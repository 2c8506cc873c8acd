/**
 * Kafka adapter: the listener of the saga events payments react to
 * ({@code StockReserved}, {@code OrderCancelled}) and the mappers between Avro messages
 * and domain types, one per direction; the only package that sees the generated Avro
 * classes.
 */
@NullMarked
package io.orderflow.payment.messaging;

import org.jspecify.annotations.NullMarked;
