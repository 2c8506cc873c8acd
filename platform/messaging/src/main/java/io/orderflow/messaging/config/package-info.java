/**
 * Spring Boot auto-configuration of the shared messaging conventions.
 */
@NullMarked
package io.orderflow.messaging.config;

import org.jspecify.annotations.NullMarked;
