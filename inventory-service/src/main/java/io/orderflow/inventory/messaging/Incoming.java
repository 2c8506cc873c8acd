package io.orderflow.inventory.messaging;

import java.util.UUID;

/**
 * A received event as the domain needs it: the command, plus the event id the handler
 * deduplicates by.
 *
 * @param <C> the command type
 * @param eventId id of the event that carried the command
 * @param command the command
 */
record Incoming<C>(UUID eventId, C command) {

}
