/**
 * The messaging edge of the order service: domain events mapped to the Avro contracts of
 * {@code io.orderflow.schemas.avro} and appended to the outbox. The only package that
 * knows the generated classes.
 */
@NullMarked
package io.orderflow.order.messaging;

import org.jspecify.annotations.NullMarked;
