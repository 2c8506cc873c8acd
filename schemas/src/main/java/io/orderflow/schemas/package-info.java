/**
 * Message contracts of the Orderflow saga: topic names, and Avro classes generated into
 * {@code io.orderflow.schemas.avro} from {@code src/main/avro}.
 */
@NullMarked
package io.orderflow.schemas;

import org.jspecify.annotations.NullMarked;
