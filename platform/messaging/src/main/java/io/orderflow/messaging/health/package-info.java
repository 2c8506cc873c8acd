/**
 * Health of the messaging dependencies, for the actuator's readiness group.
 */
@NullMarked
package io.orderflow.messaging.health;

import org.jspecify.annotations.NullMarked;
