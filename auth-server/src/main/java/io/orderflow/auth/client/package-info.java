/**
 * The registered clients and what their access tokens carry.
 */
@NullMarked
package io.orderflow.auth.client;

import org.jspecify.annotations.NullMarked;
