/**
 * {@code ./orderflow chaos}: the fault suite. Orders at a steady rate against the stack
 * on three brokers while faults are injected one after another; then a checker, in the
 * manner of Jepsen, reads the whole history (what clients saw, the databases, the topics)
 * and prints a table per fault.
 */
@NullMarked
package io.orderflow.tools.chaos;

import org.jspecify.annotations.NullMarked;
