/**
 * The inventory service.
 */
@NullMarked
package io.orderflow.inventory;

import org.jspecify.annotations.NullMarked;
