/**
 * Avro serialization in the Confluent wire format through the Apicurio Registry serdes.
 */
@NullMarked
package io.orderflow.messaging.serde;

import org.jspecify.annotations.NullMarked;
