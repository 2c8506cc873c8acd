/**
 * Health of the suite's shared dependencies, for the actuator's readiness group.
 */
@NullMarked
package io.orderflow.service.health;

import org.jspecify.annotations.NullMarked;
