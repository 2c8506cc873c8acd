/**
 * The relay's configuration ({@code orderflow.relay.*}).
 */
@NullMarked
package io.orderflow.relay.config;

import org.jspecify.annotations.NullMarked;
