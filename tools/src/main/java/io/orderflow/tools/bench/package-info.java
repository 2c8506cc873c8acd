/**
 * {@code ./orderflow bench}: the whole saga at stepped offered rates, CPU per order of
 * every process of the stack, and the two ceilings of the machine (PostgreSQL order +
 * outbox transactions, the plain producer), as one table.
 */
@NullMarked
package io.orderflow.tools.bench;

import org.jspecify.annotations.NullMarked;
