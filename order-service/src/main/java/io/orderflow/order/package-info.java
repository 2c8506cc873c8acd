/**
 * The order service.
 */
@NullMarked
package io.orderflow.order;

import org.jspecify.annotations.NullMarked;
