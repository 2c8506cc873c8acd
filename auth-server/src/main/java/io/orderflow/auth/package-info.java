/**
 * The suite's OAuth2 authorization server: its settings and its application class.
 */
@NullMarked
package io.orderflow.auth;

import org.jspecify.annotations.NullMarked;
