/**
 * The Kafka edge of the inventory service: listeners for the saga events it reacts to,
 * one mapper per direction between the Avro contracts and the domain, and the outbox
 * appends. The only package that sees {@code io.orderflow.schemas.avro}.
 */
@NullMarked
package io.orderflow.inventory.messaging;

import org.jspecify.annotations.NullMarked;
